import { AppError } from '../../lib/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import { toUser } from '../users/user-mapper';
import { hashPassword, verifyPassword } from './password-hash';
import { createSession, type NewSession } from './sessions';
import type { User } from '../../lib/contracts/users';

// Verified against when the user does not exist, so a login takes as long whether or not the name is known.
const decoyHash = hashPassword('decoy-password-for-timing');

export async function logIn(app: AppContext, credentials: { username: string; password: string }, clientIp: string | null): Promise<{ user: User; session: NewSession }> {
  const now = app.now();
  const limiterKey = `${credentials.username.toLowerCase()}|${clientIp ?? '-'}`;
  const retryAfterSeconds = app.loginLimiter.retryAfterSeconds(limiterKey, now);
  if (retryAfterSeconds > 0) {
    throw new AppError('rate_limited', `Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
  const row = await app.db.selectFrom('users').selectAll().where('username', '=', credentials.username).executeTakeFirst();
  const valid = await verifyPassword(credentials.password, row?.password_hash ?? (await decoyHash));
  if (!row || !valid || row.disabled) {
    app.loginLimiter.recordFailure(limiterKey, now);
    app.logger.warn({ username: credentials.username, ip: clientIp }, 'login failed');
    throw new AppError('unauthenticated', 'Wrong username or password');
  }
  app.loginLimiter.reset(limiterKey);
  const session = await createSession(app.db, row.id, now, app.config.session.ttlHours);
  await recordAudit(app.db, { actor: { kind: 'user', userId: row.id, username: row.username, role: row.role }, action: 'login', resourceType: 'session', ip: clientIp, at: now });
  return { user: toUser(row), session };
}
