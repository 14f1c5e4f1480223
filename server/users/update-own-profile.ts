import type { UpdateOwnProfileBody, User } from '../../lib/contracts/users';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { toUser } from './user-mapper';

/** A user's own preferences (today the console language); nothing here can raise privileges, so no admin is needed. */
export async function updateOwnProfile(app: AppContext, actor: Principal, body: UpdateOwnProfileBody, ip: string | null): Promise<User> {
  const now = app.now();
  return app.db.transaction().execute(async (trx) => {
    const after = await trx.updateTable('users').set({ locale: body.locale, updated_at: now.toISOString() }).where('id', '=', actor.userId).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'user.update-own-profile', resourceType: 'user', resourceId: actor.userId, details: { locale: body.locale }, ip, at: now });
    return toUser(after);
  });
}
