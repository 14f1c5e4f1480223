import { splitStreamUrl } from '../lib/cameras/stream-url';
import { buildFfmpegArgs } from '../lib/media/ffmpeg-args';
import { runFfmpeg } from './run-ffmpeg';

/** One JPEG frame of a stream, now. Rejects with FfmpegFailure when the source does not deliver in time. */
export async function grabSnapshot(streamUrl: string, options: { timeoutSeconds: number; maxWidth?: number }): Promise<Buffer> {
  const split = splitStreamUrl(streamUrl);
  if (!split.ok) throw new Error(`invalid stream URL: ${split.message}`);
  const args = buildFfmpegArgs({ preset: 'snapshot', input: streamUrl, scheme: split.value.scheme, timeoutSeconds: options.timeoutSeconds, maxWidth: options.maxWidth });
  // The process deadline sits a little past ffmpeg's own socket timeout, so its clearer message usually wins.
  const jpeg = await runFfmpeg(args, { timeoutMs: options.timeoutSeconds * 1000 + 2000 });
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('ffmpeg returned no JPEG frame');
  return jpeg;
}
