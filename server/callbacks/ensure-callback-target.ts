import type { Selectable } from 'kysely';
import type { CallbackTargetsTable } from '../../db/schema';
import { isUniqueViolation } from '../../db/errors';
import { normaliseCallbackUrl } from '../../lib/contracts/callback-targets';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../new-id';
import { newCallbackSecret } from './callback-secret';

/**
 * The target a pipeline callback URL signs with: the one registered for that URL, or one created now (named
 * after the host, with a fresh secret nobody has seen: an operator rotates it to configure the receiver).
 */
export async function ensureCallbackTarget(app: AppContext, rawUrl: string): Promise<Selectable<CallbackTargetsTable>> {
  const url = normaliseCallbackUrl(rawUrl);
  const existing = await app.db.selectFrom('callback_targets').selectAll().where('url', '=', url).executeTakeFirst();
  if (existing) return existing;
  const now = app.now();
  const row = {
    id: newId('callbackTarget'),
    name: `${new URL(url).host} (auto)`,
    url,
    secret_encrypted: app.secrets.encrypt(newCallbackSecret()),
    enabled: 1,
    auto_created: 1,
    secret_rotated_at: now.toISOString(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  try {
    await app.db.transaction().execute(async (trx) => {
      await trx.insertInto('callback_targets').values(row).execute();
      await recordAudit(trx, { actor: 'system', action: 'callback_target.auto_create', resourceType: 'callback_target', resourceId: row.id, details: { url }, at: now });
    });
    app.logger.info({ targetId: row.id, origin: new URL(url).origin }, 'callback target created for a pipeline callback URL; rotate its secret to configure the receiver');
    return row;
  } catch (error) {
    // Two alarms raced to create it: use the winner's.
    if (!isUniqueViolation(error)) throw error;
    return app.db.selectFrom('callback_targets').selectAll().where('url', '=', url).executeTakeFirstOrThrow();
  }
}
