/**
 * Where streams live on the media server. node-media-server accepts only [A-Za-z0-9_-] in the app and the
 * stream name, so the seed's `echostream/<camera>*<algorithm>*` alias is stored as `echostream/<camera>-<algorithm>`
 * (Vigil ids never contain "-") and its HTTP-FLV URL is rewritten to that (docs/decisions/0004-media-layer.md).
 */
const safeName = /^[A-Za-z0-9_-]+$/;

export function isSafeStreamName(name: string): boolean {
  return safeName.test(name);
}

function checked(name: string, what: string): string {
  if (!isSafeStreamName(name)) throw new Error(`${what} "${name}" cannot be part of a stream path: use only letters, digits, "_" and "-"`);
  return name;
}

/** The one copy of a camera that every analyzer, the live view and snapshots read. */
export function relayStreamPath(cameraId: string): string {
  return `/relay/${checked(cameraId, 'camera id')}`;
}

/** The annotated video of one pipeline on one camera. */
export function restreamPath(pipelineId: string, cameraId: string): string {
  return `/live/${checked(pipelineId, 'pipeline id')}_${checked(cameraId, 'camera id')}`;
}

/** The seed platform's alias of a restream, as stored on the media server. */
export function echostreamPath(cameraId: string, algorithmId: string): string {
  return `/echostream/${checked(cameraId, 'camera id')}-${checked(algorithmId, 'algorithm id')}`;
}

/** `/echostream/<camera>*<algorithm>*` (with `*` raw or %2A, optionally `.flv`) → the stored path; undefined for other paths. */
export function mapSeedStreamPath(pathname: string): string | undefined {
  const match = /^\/echostream\/([^/*]+)(?:\*|%2a)([^/*]+?)(?:\*|%2a)(\.flv)?$/i.exec(pathname);
  if (!match || !isSafeStreamName(match[1]!) || !isSafeStreamName(match[2]!)) return undefined;
  return `/echostream/${match[1]}-${match[2]}${match[3] ?? ''}`;
}

export function rtmpStreamUrl(server: { host: string; rtmpPort: number }, path: string): string {
  return `rtmp://${hostForUrl(server.host)}:${server.rtmpPort}${path}`;
}

export function flvStreamUrl(server: { host: string; flvPort: number }, path: string): string {
  return `http://${hostForUrl(server.host)}:${server.flvPort}${path}.flv`;
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
