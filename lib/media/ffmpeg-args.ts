import type { StreamScheme } from '../cameras/stream-url';

/** Input options per source kind: fail fast on dead network sources, start fast on live ones. */
export function inputOptions(scheme: StreamScheme, timeoutSeconds: number): string[] {
  const microseconds = String(Math.round(timeoutSeconds * 1_000_000));
  switch (scheme) {
    case 'rtsp':
    case 'rtsps':
      // TCP: UDP through NAT and firewalls loses packets and smears frames; -timeout is the socket timeout.
      return ['-rtsp_transport', 'tcp', '-timeout', microseconds, '-analyzeduration', '1000000', '-probesize', '1000000'];
    case 'rtmp':
    case 'rtmps':
    case 'http':
    case 'https':
      // Measured (notes/media.md): default probing takes ~5 s on live RTMP, 1 s of analysis ~0.8 s.
      return ['-rw_timeout', microseconds, '-analyzeduration', '1000000', '-probesize', '1000000', '-fflags', 'nobuffer'];
    case 'file':
      return [];
  }
}

/** Extra flags for continuous live reading: no demuxer buffering, no decoder frame delay. */
function lowLatencyOptions(scheme: StreamScheme): string[] {
  if (scheme === 'file') return [];
  return scheme === 'rtsp' || scheme === 'rtsps' ? ['-fflags', 'nobuffer', '-flags', 'low_delay'] : ['-flags', 'low_delay'];
}

interface SourceInput {
  input: string;
  scheme: StreamScheme;
  timeoutSeconds: number;
}

export type FfmpegPreset =
  | ({ preset: 'snapshot'; maxWidth?: number } & SourceInput)
  | ({ preset: 'probe-frame' } & SourceInput)
  /** Raw RGB24 frames at the analysis rate and size on stdout. Files: `realtime` paces like a camera, `fast` decodes flat out. */
  | ({ preset: 'decode-frames'; fps: number; width: number; height: number; pace?: 'realtime' | 'fast'; loop?: boolean } & SourceInput)
  /** The camera copied as is (no re-encode) to the media server; progress blocks on stdout. */
  | ({ preset: 'relay-copy'; output: string } & SourceInput)
  /** Raw RGB24 frames on stdin → H.264 → one or more RTMP outputs, encoded once. */
  | { preset: 'restream-encode'; width: number; height: number; fps: number; outputs: string[]; maxBitrateKbps?: number }
  /** A moving test picture published like a camera (tests, benchmarks). */
  | { preset: 'test-pattern'; output: string; width: number; height: number; fps: number; durationSeconds?: number };

const quiet = ['-hide_banner', '-nostdin', '-loglevel', 'error'];
// level+info: every line carries its level (errors are counted) and the input banner names the source's codec and size.
const leveled = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+info'];

/** ffmpeg argv for a named preset; pure so that every flag is unit-tested. */
export function buildFfmpegArgs(options: FfmpegPreset): string[] {
  switch (options.preset) {
    case 'snapshot': {
      const scale = options.maxWidth ? ['-vf', `scale='min(${options.maxWidth},iw)':-2`] : [];
      return [...quiet, ...sourceArgs(options), '-an', '-frames:v', '1', ...scale, '-q:v', '3', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1'];
    }
    case 'probe-frame':
      return [...quiet, ...sourceArgs(options), '-an', '-frames:v', '1', '-f', 'null', '-'];
    case 'decode-frames':
      return decodeFramesArgs(options);
    case 'relay-copy':
      return [
        ...leveled, ...sourceArgs(options, lowLatencyOptions(options.scheme)),
        // Video only: FLV cannot carry most camera audio codecs (G.711, Opus) and analysis has no use for it.
        '-map', '0:v:0', '-an', '-c:v', 'copy', '-f', 'flv', '-flvflags', 'no_duration_filesize',
        '-progress', 'pipe:1', '-stats_period', '1', options.output,
      ];
    case 'restream-encode':
      return restreamArgs(options);
    case 'test-pattern':
      return [
        ...quiet, '-re', '-f', 'lavfi', '-i', `testsrc2=size=${options.width}x${options.height}:rate=${options.fps}${options.durationSeconds ? `:duration=${options.durationSeconds}` : ''}`,
        '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', String(Math.max(1, Math.round(options.fps))),
        '-f', options.output.startsWith('rtmp') ? 'flv' : 'mp4', options.output,
      ];
  }
}

function sourceArgs(source: SourceInput, extra: string[] = [], before: string[] = []): string[] {
  const path = source.scheme === 'file' ? decodeURIComponent(new URL(source.input).pathname) : source.input;
  return [...before, ...inputOptions(source.scheme, source.timeoutSeconds), ...extra, '-i', path];
}

function decodeFramesArgs(options: Extract<FfmpegPreset, { preset: 'decode-frames' }>): string[] {
  checkFrameGeometry(options.width, options.height, options.fps);
  const file = options.scheme === 'file';
  const pacing = file && (options.pace ?? 'realtime') === 'realtime' ? ['-re'] : [];
  const loop = file && options.loop ? ['-stream_loop', '-1'] : [];
  return [
    ...leveled, ...sourceArgs(options, lowLatencyOptions(options.scheme), [...pacing, ...loop]),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    // Bilinear: analysis needs no better, and it is the cheapest scaler that does not alias badly.
    '-vf', `fps=${options.fps},scale=${options.width}:${options.height}:flags=bilinear`,
    '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1',
  ];
}

function restreamArgs(options: Extract<FfmpegPreset, { preset: 'restream-encode' }>): string[] {
  checkFrameGeometry(options.width, options.height, options.fps);
  if (options.outputs.length === 0) throw new Error('restream-encode needs at least one output');
  for (const output of options.outputs) {
    if (/[|[\]]/.test(output)) throw new Error('restream outputs cannot contain "|", "[" or "]" (tee muxer syntax)');
  }
  const keyframeInterval = String(Math.max(1, Math.round(options.fps * 2)));
  const bitrate = options.maxBitrateKbps ?? 2000;
  return [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+warning',
    // Wall-clock timestamps: the analyzer delivers frames when inference ends, not on a fixed clock.
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${options.width}x${options.height}`, '-framerate', String(options.fps),
    '-use_wallclock_as_timestamps', '1', '-i', 'pipe:0',
    '-map', '0:v', '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
    // A keyframe every 2 s, never early: a new player waits at most 2 s, and the media server's GOP cache stays small.
    '-g', keyframeInterval, '-keyint_min', keyframeInterval, '-sc_threshold', '0',
    '-maxrate', `${bitrate}k`, '-bufsize', `${bitrate * 2}k`, '-crf', '26',
    // cfr: duplicates frames when inference is slow, so players see the announced frame rate.
    '-fps_mode', 'cfr', '-r', String(options.fps),
    // tee encodes once for every output (the restream and its seed alias); FLV inside tee needs global headers.
    '-flags', '+global_header', '-f', 'tee', options.outputs.map((output) => `[f=flv:onfail=ignore]${output}`).join('|'),
  ];
}

function checkFrameGeometry(width: number, height: number, fps: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width > 7680 || height > 4320) {
    throw new RangeError(`frame size must be whole pixels between 16x16 and 7680x4320 (got ${width}x${height})`);
  }
  if (!(fps > 0 && fps <= 120)) throw new RangeError(`fps must be above 0 and at most 120 (got ${fps})`);
}

/** ffprobe argv describing the first video stream of a live URL as JSON (the FLV header of node-media-server always announces audio). */
export function buildProbeStreamArgs(url: string, timeoutSeconds: number): string[] {
  return [
    '-hide_banner', '-v', 'error', '-rw_timeout', String(Math.round(timeoutSeconds * 1_000_000)),
    // Without a short analysis ffprobe waits for an audio stream that never comes (notes/media.md: 89 s).
    '-analyzeduration', '1000000', '-probesize', '1000000',
    '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height,r_frame_rate,avg_frame_rate', '-of', 'json', url,
  ];
}
