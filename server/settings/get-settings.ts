import type { Db } from '../../db/connect';
import { AppError } from '../../lib/errors';
import { settingKeys, settingsSchema, type Settings } from '../../lib/contracts/settings';

/** The effective settings: stored values (one row per key, JSON) over the defaults of lib/contracts/settings. */
export async function getSettings(db: Db): Promise<Settings> {
  return toEffectiveSettings(await readStoredSettings(db));
}

/** Stored values as they are, by key; keys no longer known are left out. */
export async function readStoredSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', settingKeys).execute();
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

/** Fails loudly on an invalid stored value rather than running with a silently substituted default. */
export function toEffectiveSettings(stored: Record<string, unknown>): Settings {
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '?';
  throw new AppError('internal', `Stored setting ${path} is invalid (${issue?.message ?? 'unknown'}): set it again with PATCH /api/v1/settings`, { path });
}
