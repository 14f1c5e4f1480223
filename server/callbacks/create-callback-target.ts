import { AppError } from '../../lib/errors';
import type { CallbackTargetWithSecret, CreateCallbackTargetBody } from '../../lib/contracts/callback-targets';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../new-id';
import { toCallbackTarget } from './callback-target-mapper';
import { newCallbackSecret } from './callback-secret';

/** Creates a target with a server-generated secret, returned in this answer only (stored sealed). */
export async function createCallbackTarget(app: AppContext, actor: Principal, body: CreateCallbackTargetBody, ip: string | null): Promise<CallbackTargetWithSecret> {
  const now = app.now().toISOString();
  const secret = newCallbackSecret();
  const row = {
    id: newId('callbackTarget'),
    name: body.name,
    url: body.url,
    secret_encrypted: app.secrets.encrypt(secret),
    enabled: body.enabled ? 1 : 0,
    auto_created: 0,
    secret_rotated_at: now,
    created_at: now,
    updated_at: now,
  };
  try {
    await app.db.transaction().execute(async (trx) => {
      await trx.insertInto('callback_targets').values(row).execute();
      await recordAudit(trx, { actor, action: 'callback_target.create', resourceType: 'callback_target', resourceId: row.id, details: { name: row.name, url: row.url }, ip, at: app.now() });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A callback target for ${body.url} already exists: rotate its secret instead`);
    throw error;
  }
  return { ...toCallbackTarget(row), secret };
}
