/** Stream sources Vigil can ingest with ffmpeg. */
export const streamSchemes = ['rtsp', 'rtsps', 'rtmp', 'rtmps', 'http', 'https', 'file'] as const;
export type StreamScheme = (typeof streamSchemes)[number];

export interface SplitStreamUrl {
  /** The URL without user information: safe to store in clear, log and return. */
  url: string;
  scheme: StreamScheme;
  username?: string;
  password?: string;
}

export type StreamUrlResult = { ok: true; value: SplitStreamUrl } | { ok: false; message: string };

/** Parses and checks a camera stream URL, separating any credentials it carries. */
export function splitStreamUrl(input: string): StreamUrlResult {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    return { ok: false, message: 'not a valid URL' };
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (!(streamSchemes as readonly string[]).includes(scheme)) {
    return { ok: false, message: `unsupported scheme "${scheme}" (use one of ${streamSchemes.join(', ')})` };
  }
  if (scheme === 'file') {
    if (parsed.host) return { ok: false, message: 'file URLs must be local: file:///absolute/path' };
    if (!parsed.pathname || parsed.pathname === '/') return { ok: false, message: 'file URL has no path' };
  } else if (!parsed.hostname) {
    return { ok: false, message: 'URL has no host' };
  }
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined;
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.username = '';
  parsed.password = '';
  return { ok: true, value: { url: parsed.toString(), scheme: scheme as StreamScheme, ...(username ? { username } : {}), ...(password ? { password } : {}) } };
}

/** Puts credentials back into a credential-free URL, for the process that opens the stream. */
export function joinStreamUrl(url: string, credentials: { username?: string; password?: string } | undefined): string {
  if (!credentials?.username && !credentials?.password) return url;
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(credentials.username ?? '');
  parsed.password = encodeURIComponent(credentials.password ?? '');
  return parsed.toString();
}
