import { AppError } from '../../lib/errors';
import { flvStreamUrl, rtmpStreamUrl } from '../../lib/media/stream-paths';
import { mediaServerStatusSchema, type StreamsResponse } from '../../lib/media/stream-status';
import type { AppContext } from '../app-context';

const statusTimeoutMs = 2000;

/**
 * Live streams on the media server, read from the media process's status endpoint (a separate process) and
 * given playback URLs on the host the caller used (or VIGIL_MEDIA_PUBLIC_HOST).
 */
export async function listStreams(app: AppContext, requestUrl: URL): Promise<StreamsResponse> {
  const { media } = app.config;
  if (media.server === 'none') {
    return { server: { state: 'disabled', rtmpPort: media.rtmpPort, flvPort: media.flvPort }, items: [] };
  }
  const statusUrl = `http://${media.internalHost.includes(':') ? `[${media.internalHost}]` : media.internalHost}:${media.statusPort}/streams`;
  let body: unknown;
  try {
    const response = await fetch(statusUrl, { signal: AbortSignal.timeout(statusTimeoutMs), cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    app.logger.warn({ statusUrl, reason }, 'media server status unavailable');
    throw new AppError('dependency_unavailable', `The media server's status endpoint (${statusUrl}) did not answer: ${reason}`);
  }
  const parsed = mediaServerStatusSchema.safeParse(body);
  if (!parsed.success) throw new AppError('dependency_unavailable', `The media server's status endpoint answered in an unexpected shape: ${parsed.error.issues[0]?.message}`);
  const status = parsed.data;
  const host = media.publicHost ?? requestUrl.hostname;
  return {
    server: { state: 'up', startedAt: status.startedAt, rtmpPort: status.rtmpPort, flvPort: status.flvPort },
    items: status.streams.map((stream) => ({
      ...stream,
      urls: { flv: flvStreamUrl({ host, flvPort: status.flvPort }, stream.path), rtmp: rtmpStreamUrl({ host, rtmpPort: status.rtmpPort }, stream.path) },
    })),
  };
}
