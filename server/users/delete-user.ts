import { notFound } from '../../lib/errors';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { ensureEnabledAdminRemains } from './ensure-enabled-admin-remains';

/** Deletes the user; their sessions and API tokens go with them (cascading foreign keys). */
export async function deleteUser(app: AppContext, actor: Principal, id: string, ip: string | null): Promise<void> {
  const now = app.now();
  await app.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').select(['id', 'username', 'role']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('User', id);
    await ensureEnabledAdminRemains(trx, app.config.database.dialect, id, 'delete');
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await trx.deleteFrom('api_tokens').where('user_id', '=', id).execute();
    await trx.deleteFrom('users').where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'user.delete', resourceType: 'user', resourceId: id, details: { username: row.username, role: row.role }, ip, at: now });
  });
}
