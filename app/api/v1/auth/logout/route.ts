import { sessionCookieName, readCookie } from '@/server/http/cookies';
import { deleteSession } from '@/server/auth/sessions';
import { route } from '@/server/http/route';
import { sessionCookieHeaders } from '@/server/http/session-cookies';

export const POST = route({ access: 'viewer' }, async ({ app, request }) => {
  const cookie = readCookie(request, sessionCookieName);
  if (cookie) await deleteSession(app.db, cookie);
  return new Response(JSON.stringify({ ok: true }), { status: 200, headers: sessionCookieHeaders(app.config, undefined) });
});
