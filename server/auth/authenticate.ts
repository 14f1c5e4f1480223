import type { Db } from '../../db/connect';
import { readCookie, sessionCookieName } from '../http/cookies';
import { hashOpaqueToken } from './opaque-token';
import type { Principal } from './principal';
import { roleAtLeast, type Role } from '../../lib/auth/roles';

/** Resolves the caller from `Authorization: Bearer <api token>` or the session cookie; undefined when neither is valid. */
export async function authenticate(db: Db, request: Request, now: Date): Promise<Principal | undefined> {
  const authorization = request.headers.get('authorization');
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    return authenticateToken(db, authorization.slice(7).trim(), now);
  }
  const cookie = readCookie(request, sessionCookieName);
  return cookie ? authenticateSession(db, cookie, now) : undefined;
}

async function authenticateToken(db: Db, token: string, now: Date): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as tokenId', 'api_tokens.role as tokenRole', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'users.id as userId', 'users.username', 'users.role as userRole', 'users.disabled'])
    .where('api_tokens.token_hash', '=', hashOpaqueToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled) return undefined;
  if (row.expires_at && row.expires_at <= now.toISOString()) return undefined;
  await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.tokenId).execute();
  // A token never acts above its owner's current role, even if the owner was demoted after issuing it.
  const role: Role = roleAtLeast(row.userRole, row.tokenRole) ? row.tokenRole : row.userRole;
  return { kind: 'token', userId: row.userId, username: row.username, role, tokenId: row.tokenId };
}

async function authenticateSession(db: Db, cookieValue: string, now: Date): Promise<Principal | undefined> {
  const sessionId = hashOpaqueToken(cookieValue);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'users.id as userId', 'users.username', 'users.role', 'users.disabled'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString()) return undefined;
  return { kind: 'user', userId: row.userId, username: row.username, role: row.role, sessionId, csrfToken: row.csrf_token };
}
