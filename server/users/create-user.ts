import { AppError } from '../../lib/errors';
import type { CreateUserBody, User } from '../../lib/contracts/users';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { hashPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../new-id';
import { getUser } from './get-user';

export async function createUser(app: AppContext, actor: Principal, body: CreateUserBody, ip: string | null): Promise<User> {
  const now = app.now();
  const at = now.toISOString();
  const id = newId('user');
  const passwordHash = await hashPassword(body.password);
  // The unique index decides, so two simultaneous creates of one name cannot both succeed.
  const inserted = await app.db
    .insertInto('users')
    .values({ id, username: body.username, password_hash: passwordHash, role: body.role, locale: body.locale, disabled: 0, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
    throw new AppError('conflict', `Username "${body.username}" is already taken`, { field: 'username' });
  }
  await recordAudit(app.db, { actor, action: 'user.create', resourceType: 'user', resourceId: id, details: { username: body.username, role: body.role }, ip, at: now });
  return getUser(app.db, id);
}
