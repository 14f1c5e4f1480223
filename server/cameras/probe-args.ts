import type { StreamScheme } from '../../lib/cameras/stream-url';
import { inputOptions } from '../../lib/media/ffmpeg-args';

/**
 * ffprobe argv describing the first video stream of a camera as JSON. The scheme's input options bound the socket
 * wait (RTSP `-timeout`, others `-rw_timeout`); files are given as a path, which ffprobe reads without a protocol.
 */
export function buildCameraProbeArgs(url: string, scheme: StreamScheme, timeoutSeconds: number): string[] {
  const input = scheme === 'file' ? decodeURIComponent(new URL(url).pathname) : url;
  return [
    '-hide_banner', '-v', 'error', ...inputOptions(scheme, timeoutSeconds),
    // Short analysis: the media server's FLV header announces audio that never comes, and ffprobe would wait for it.
    ...(scheme === 'file' ? [] : ['-analyzeduration', '1000000', '-probesize', '1000000']),
    '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,r_frame_rate,avg_frame_rate', '-of', 'json', input,
  ];
}

interface FfprobeStream {
  codec_name?: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  avg_frame_rate?: string;
}

/** ffprobe's JSON → Vigil's shape (the vendor format stops here); undefined when there is no video stream. */
export function readProbeOutput(json: string): { codec: string; width: number; height: number; fps: number } | undefined {
  const stream = (JSON.parse(json) as { streams?: FfprobeStream[] }).streams?.[0];
  if (!stream?.codec_name || !stream.width || !stream.height) return undefined;
  // avg_frame_rate is what a file really plays at; live sources often report 0/0 there, r_frame_rate then.
  const fps = parseRate(stream.avg_frame_rate) || parseRate(stream.r_frame_rate);
  return { codec: stream.codec_name, width: stream.width, height: stream.height, fps: Math.round(fps * 100) / 100 };
}

function parseRate(rate: string | undefined): number {
  if (!rate) return 0;
  const [numerator = 0, denominator = 1] = rate.split('/').map(Number);
  const value = numerator / (denominator || 1);
  return Number.isFinite(value) && value > 0 && value <= 1000 ? value : 0;
}

/** Removes every trace of the credentials from a message: URL user info, and the raw and URL-encoded password. */
export function scrubCredentials(message: string, credentials: { username?: string; password?: string }): string {
  // The literal secrets first: a URL rule alone could cut a password containing "@" in two and leave half of it.
  let scrubbed = message;
  for (const secret of [credentials.password, credentials.password ? encodeURIComponent(credentials.password) : undefined]) {
    if (secret) scrubbed = scrubbed.split(secret).join('***');
  }
  return scrubbed.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@]+)@/gi, '$1***@');
}
