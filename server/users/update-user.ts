import type { Updateable } from 'kysely';
import type { UsersTable } from '../../db/schema';
import { notFound } from '../../lib/errors';
import type { UpdateUserBody, User } from '../../lib/contracts/users';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { hashPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { deleteUserSessions } from './delete-user-sessions';
import { ensureEnabledAdminRemains } from './ensure-enabled-admin-remains';
import { toUser } from './user-mapper';

export async function updateUser(app: AppContext, actor: Principal, id: string, body: UpdateUserBody, ip: string | null): Promise<User> {
  const now = app.now();
  // Hashing is slow: do it before the transaction holds any lock.
  const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
  return app.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('User', id);
    const roleChanged = body.role !== undefined && body.role !== before.role;
    const disabledChanged = body.disabled !== undefined && body.disabled !== (before.disabled === 1);
    if (body.disabled === true) await ensureEnabledAdminRemains(trx, app.config.database.dialect, id, 'disable');
    if (roleChanged && body.role !== 'admin') await ensureEnabledAdminRemains(trx, app.config.database.dialect, id, 'demote');

    const changes: Updateable<UsersTable> = { updated_at: now.toISOString() };
    if (passwordHash !== undefined) changes.password_hash = passwordHash;
    if (body.role !== undefined) changes.role = body.role;
    if (body.locale !== undefined) changes.locale = body.locale;
    if (body.disabled !== undefined) changes.disabled = body.disabled ? 1 : 0;
    const after = await trx.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

    if (passwordHash !== undefined || roleChanged || body.disabled === true) {
      await deleteUserSessions(trx, id, actor.userId === id ? actor.sessionId : undefined);
    }
    const details: Record<string, unknown> = { username: before.username, fields: Object.keys(body).filter((key) => body[key as keyof UpdateUserBody] !== undefined) };
    if (roleChanged) details.role = { from: before.role, to: body.role };
    if (disabledChanged) details.disabled = body.disabled;
    await recordAudit(trx, { actor, action: 'user.update', resourceType: 'user', resourceId: id, details, ip, at: now });
    return toUser(after);
  });
}
