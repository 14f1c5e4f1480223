import { isSafeStreamName, mapSeedStreamPath } from './stream-paths';

export type FlvRequestDecision = { action: 'pass' } | { action: 'rewrite'; url: string } | { action: 'reject'; reason: string };

/**
 * Decides what reaches node-media-server's HTTP/WebSocket handler. It crashes on a stream path with characters
 * it rejects (4.4.3: its close handler dereferences an unset broadcast), so those never get through; the seed's
 * `echostream/<camera>*<algorithm>*` form is rewritten to the stored alias instead.
 */
export function routeFlvRequest(url: string, upgrade: boolean): FlvRequestDecision {
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  const seed = mapSeedStreamPath(pathname);
  if (seed) return { action: 'rewrite', url: seed + query };
  const segments = pathname.split('/');
  const looksLikeStream = segments.length === 3 && segments[0] === '' && (upgrade || pathname.endsWith('.flv'));
  if (!looksLikeStream) return upgrade ? { action: 'reject', reason: 'WebSocket playback needs /<app>/<stream>.flv' } : { action: 'pass' };
  const app = segments[1]!;
  const name = segments[2]!.replace(/\.flv$/, '');
  if (!isSafeStreamName(app) || !isSafeStreamName(name)) return { action: 'reject', reason: 'stream paths use only letters, digits, "_" and "-"' };
  return { action: 'pass' };
}
