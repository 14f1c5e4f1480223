import { buildProbeStreamArgs } from '../lib/media/ffmpeg-args';
import { runFfmpeg } from './run-ffmpeg';

export interface ProbedVideo {
  codec: string;
  width: number;
  height: number;
  /** ffprobe's r_frame_rate, as a number. */
  fps: number;
}

/** The first video stream of a URL as ffprobe sees it (its JSON stops here). Rejects with FfmpegFailure on timeout. */
export async function probeStream(url: string, options: { timeoutSeconds: number; ffprobePath?: string }): Promise<ProbedVideo> {
  const output = await runFfmpeg(buildProbeStreamArgs(url, options.timeoutSeconds), { timeoutMs: options.timeoutSeconds * 1000 + 5000, binary: options.ffprobePath ?? 'ffprobe' });
  const json = JSON.parse(output.toString('utf8')) as { streams?: Array<{ codec_name: string; width: number; height: number; r_frame_rate: string }> };
  const stream = json.streams?.[0];
  if (!stream) throw new Error('the stream has no video');
  const [numerator = 0, denominator = 1] = stream.r_frame_rate.split('/').map(Number);
  return { codec: stream.codec_name, width: stream.width, height: stream.height, fps: numerator / (denominator || 1) };
}
