import { cookies } from 'next/headers';
import { getSessionUser } from '@/server/auth/session-user';
import { sessionCookieName } from '@/server/http/cookies';

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

/** Server components only: the logged-in user for this request, or undefined. */
export async function readSessionUser(): Promise<SessionUser | undefined> {
  const cookieStore = await cookies();
  return getSessionUser(cookieStore.get(sessionCookieName)?.value);
}
