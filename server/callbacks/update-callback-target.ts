import { AppError, notFound } from '../../lib/errors';
import type { CallbackTarget, CallbackTargetWithSecret, UpdateCallbackTargetBody } from '../../lib/contracts/callback-targets';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { toCallbackTarget } from './callback-target-mapper';
import { newCallbackSecret } from './callback-secret';

export async function updateCallbackTarget(app: AppContext, actor: Principal, id: string, patch: UpdateCallbackTargetBody, ip: string | null): Promise<CallbackTarget> {
  const now = app.now();
  try {
    return await app.db.transaction().execute(async (trx) => {
      const changes = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.url !== undefined ? { url: patch.url } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled ? 1 : 0 } : {}),
      };
      const row = await trx.updateTable('callback_targets').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw notFound('Callback target', id);
      await recordAudit(trx, { actor, action: 'callback_target.update', resourceType: 'callback_target', resourceId: id, details: { changes: patch }, ip, at: now });
      return toCallbackTarget(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `Another callback target already has the URL ${patch.url}`);
    throw error;
  }
}

/** A new secret replaces the old at once (deliveries sign with it from their next attempt); shown in this answer only. */
export async function rotateCallbackTargetSecret(app: AppContext, actor: Principal, id: string, ip: string | null): Promise<CallbackTargetWithSecret> {
  const now = app.now();
  const secret = newCallbackSecret();
  const row = await app.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('callback_targets')
      .set({ secret_encrypted: app.secrets.encrypt(secret), secret_rotated_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw notFound('Callback target', id);
    await recordAudit(trx, { actor, action: 'callback_target.rotate_secret', resourceType: 'callback_target', resourceId: id, ip, at: now });
    return updated;
  });
  return { ...toCallbackTarget(row), secret };
}

/** Deliveries keep their URL and history; any still retrying end as failed ("target deleted") at their next attempt. */
export async function deleteCallbackTarget(app: AppContext, actor: Principal, id: string, ip: string | null): Promise<void> {
  const now = app.now();
  await app.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('callback_targets').where('id', '=', id).returning(['name', 'url']).executeTakeFirst();
    if (!deleted) throw notFound('Callback target', id);
    await recordAudit(trx, { actor, action: 'callback_target.delete', resourceType: 'callback_target', resourceId: id, details: { name: deleted.name, url: deleted.url }, ip, at: now });
  });
}
