const defaultLanding = '/dashboard';
const probeOrigin = 'http://vigil.invalid';

/**
 * Where to go after login. Only same-origin paths are accepted, so a crafted `?next=` link cannot
 * bounce a freshly logged-in user to another site (open redirect).
 */
export function safeNextPath(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith('/')) return defaultLanding;
  let url: URL;
  try {
    url = new URL(candidate, probeOrigin);
  } catch {
    return defaultLanding;
  }
  // `//evil.example` and `/\evil.example` parse to another origin; `/login` would loop.
  if (url.origin !== probeOrigin || url.pathname === '/login') return defaultLanding;
  return `${url.pathname}${url.search}${url.hash}`;
}
