import { AppError } from '../../lib/errors';
import type { ChangeOwnPasswordBody } from '../../lib/contracts/users';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { hashPassword, verifyPassword } from '../auth/password-hash';
import { recordAudit } from '../audit/record-audit';
import { deleteUserSessions } from './delete-user-sessions';

/**
 * A user changes their own password, proving the current one. Wrong current → 400 (not 401: the caller
 * is still logged in). Guesses are rate-limited like logins; other sessions are logged out.
 */
export async function changeOwnPassword(app: AppContext, actor: Principal, body: ChangeOwnPasswordBody, ip: string | null): Promise<void> {
  const now = app.now();
  const limiterKey = `change-password|${actor.userId}`;
  const retryAfterSeconds = app.loginLimiter.retryAfterSeconds(limiterKey, now);
  if (retryAfterSeconds > 0) {
    throw new AppError('rate_limited', `Too many wrong current passwords; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
  const row = await app.db.selectFrom('users').select(['id', 'password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(body.currentPassword, row.password_hash))) {
    app.loginLimiter.recordFailure(limiterKey, now);
    app.logger.warn({ userId: actor.userId, ip }, 'password change refused: wrong current password');
    throw new AppError('validation_failed', 'Invalid request body: currentPassword: does not match your current password', [
      { path: 'currentPassword', message: 'does not match your current password' },
    ]);
  }
  app.loginLimiter.reset(limiterKey);
  const passwordHash = await hashPassword(body.newPassword);
  await app.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: now.toISOString() }).where('id', '=', actor.userId).execute();
    await deleteUserSessions(trx, actor.userId, actor.sessionId);
    await recordAudit(trx, { actor, action: 'user.password_change', resourceType: 'user', resourceId: actor.userId, ip, at: now });
  });
}
