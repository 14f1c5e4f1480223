import { settingsSchema, type SettingKey, type Settings, type UpdateSettingsBody } from '../../lib/contracts/settings';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { getSettings, readStoredSettings, toEffectiveSettings } from './get-settings';

/** Applies a partial change (callbackPolicy is merged field by field), stores the changed keys and audits them. */
export async function updateSettings(app: AppContext, actor: Principal, patch: UpdateSettingsBody, ip: string | null): Promise<Settings> {
  const previousRunAt = patch.retentionRunAt === undefined ? undefined : (await getSettings(app.db).catch(() => undefined))?.retentionRunAt;
  const next = await storeSettings(app, actor, patch, ip);
  // The schedule lives in Temporal: move it too. If Temporal is down, the worker's next start syncs it from settings.
  if (patch.retentionRunAt !== undefined && patch.retentionRunAt !== previousRunAt) {
    await app.workflows.syncRetentionSchedule({ runAt: next.retentionRunAt }).catch((error: unknown) => app.logger.warn({ err: error }, 'retention schedule not updated'));
  }
  return next;
}

async function storeSettings(app: AppContext, actor: Principal, patch: UpdateSettingsBody, ip: string | null): Promise<Settings> {
  const now = app.now();
  return app.db.transaction().execute(async (trx) => {
    const stored = await readStoredSettings(trx);
    // Merged over the stored values, not the effective ones, so a PATCH can repair a stored key that no longer parses.
    const storedPolicy = typeof stored.callbackPolicy === 'object' && stored.callbackPolicy !== null ? stored.callbackPolicy : {};
    const next = toEffectiveSettings({ ...stored, ...patch, ...(patch.callbackPolicy ? { callbackPolicy: { ...storedPolicy, ...patch.callbackPolicy } } : {}) });
    const before = settingsSchema.safeParse(stored);
    const previous = (key: SettingKey): unknown => (before.success ? before.data[key] : (stored[key] ?? null));
    const changed = (Object.keys(patch) as SettingKey[]).filter((key) => JSON.stringify(previous(key)) !== JSON.stringify(next[key]));
    for (const key of changed) {
      const value = JSON.stringify(next[key]);
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now.toISOString(), updated_by: actor.userId })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now.toISOString(), updated_by: actor.userId }))
        .execute();
    }
    if (changed.length > 0) {
      const changes = Object.fromEntries(changed.map((key) => [key, { from: previous(key), to: next[key] }]));
      await recordAudit(trx, { actor, action: 'settings.update', resourceType: 'settings', details: { changes }, ip, at: now });
    }
    return next;
  });
}
