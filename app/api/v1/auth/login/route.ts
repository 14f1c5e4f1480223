import { loginBodySchema } from '@/lib/contracts/users';
import { logIn } from '@/server/auth/log-in';
import { route } from '@/server/http/route';
import { sessionCookieHeaders } from '@/server/http/session-cookies';

export const POST = route({ access: 'public', body: loginBodySchema }, async ({ app, body, clientIp }) => {
  const { user, session } = await logIn(app, body, clientIp);
  return new Response(JSON.stringify({ user, csrfToken: session.csrfToken }), { status: 200, headers: sessionCookieHeaders(app.config, session) });
});
