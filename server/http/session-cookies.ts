import type { VigilConfig } from '../../lib/config/config-schema';
import { csrfCookieName, serializeCookie, sessionCookieName } from './cookies';

export function sessionCookieHeaders(config: VigilConfig, session: { cookieValue: string; csrfToken: string } | undefined): Headers {
  const maxAgeSeconds = session ? Math.round(config.session.ttlHours * 3600) : 0;
  const secure = config.session.secureCookie;
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  headers.append('set-cookie', serializeCookie(sessionCookieName, session?.cookieValue ?? '', { maxAgeSeconds, httpOnly: true, secure }));
  // Readable by the page's script, which echoes it in the x-csrf-token header.
  headers.append('set-cookie', serializeCookie(csrfCookieName, session?.csrfToken ?? '', { maxAgeSeconds, httpOnly: false, secure }));
  return headers;
}
