import { getAppContext } from '../app-context';
import type { Role } from '../../lib/auth/roles';
import { hashOpaqueToken } from './opaque-token';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  locale: string;
}

/** For server components: the user behind a `vigil_session` cookie value, or undefined when absent, expired or disabled. */
export async function getSessionUser(cookieValue: string | undefined): Promise<SessionUser | undefined> {
  if (!cookieValue) return undefined;
  const app = await getAppContext();
  const row = await app.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.expires_at', 'users.id', 'users.username', 'users.role', 'users.locale', 'users.disabled'])
    .where('sessions.id', '=', hashOpaqueToken(cookieValue))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= app.now().toISOString()) return undefined;
  return { id: row.id, username: row.username, role: row.role, locale: row.locale };
}
