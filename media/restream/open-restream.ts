import type { BackoffPolicy } from '../../lib/media/backoff';
import { drawAnnotations, type Annotations, type DrawStyle } from '../../lib/media/draw-annotations';
import { buildFfmpegArgs } from '../../lib/media/ffmpeg-args';
import { echostreamPath, restreamPath, rtmpStreamUrl } from '../../lib/media/stream-paths';
import type { MediaLogger } from '../media-logger';
import { SupervisedFfmpeg, type StreamState } from '../supervised-ffmpeg';

export interface RestreamOptions {
  pipelineId: string;
  cameraId: string;
  /** Also publish the seed alias echostream/<camera>*<algorithm>* (stored as echostream/<camera>-<algorithm>). */
  algorithmId?: string;
  width: number;
  height: number;
  fps: number;
  server: { host: string; rtmpPort: number };
  maxBitrateKbps?: number;
  drawStyle?: Partial<DrawStyle>;
  stallTimeoutMs?: number;
  backoff?: BackoffPolicy;
  ffmpegPath?: string;
  logger?: MediaLogger;
}

export interface RestreamStatus {
  state: StreamState | 'waiting-for-frames';
  stateSince: number;
  /** Media-server paths: /live/<pipeline>_<camera> and, with algorithmId, the alias. */
  paths: string[];
  framesWritten: number;
  /** Frames handed to the encoder: framesWritten plus repeats of the last frame while the analyzer is slower than fps. */
  framesEncoded: number;
  /** Encoder ticks skipped because ffmpeg had not taken the previous frame yet. */
  framesSkipped: number;
  /** Mean time to draw the annotations of one frame. */
  drawMs: number;
  restarts: number;
  lastError?: string;
  lastErrorAt?: number;
  nextAttemptAt?: number;
}

export interface RestreamWriter {
  readonly paths: string[];
  /** Copies the frame, draws the annotations on the copy and makes it the picture the stream shows. */
  write(frame: { data: Uint8Array; width: number; height: number }, annotations?: Annotations): void;
  status(): RestreamStatus;
  stop(): Promise<void>;
}

/**
 * Annotated video of one pipeline × camera, pushed to the media server over RTMP and playable there over HTTP-FLV.
 * A pacer feeds the encoder at exactly `fps`, repeating the latest picture when the analyzer is slower, so
 * players see a steady stream whatever inference costs. ffmpeg starts with the first frame.
 */
export function openRestream(options: RestreamOptions): RestreamWriter {
  const paths = [restreamPath(options.pipelineId, options.cameraId), ...(options.algorithmId ? [echostreamPath(options.cameraId, options.algorithmId)] : [])];
  const args = buildFfmpegArgs({
    preset: 'restream-encode', width: options.width, height: options.height, fps: options.fps,
    outputs: paths.map((path) => rtmpStreamUrl(options.server, path)), maxBitrateKbps: options.maxBitrateKbps,
  });
  const frameBytes = options.width * options.height * 3;
  const counters = { framesWritten: 0, framesEncoded: 0, framesSkipped: 0, drawTotalMs: 0 };
  let latest: Buffer | undefined;
  let awaitingDrain = false;
  let pacer: NodeJS.Timeout | undefined;
  const createdAt = Date.now();
  const ffmpeg = new SupervisedFfmpeg({
    args: () => args,
    stdin: true,
    stallTimeoutMs: options.stallTimeoutMs ?? 10_000,
    backoff: options.backoff,
    ffmpegPath: options.ffmpegPath,
    logger: options.logger,
    logContext: { pipelineId: options.pipelineId, cameraId: options.cameraId, restream: paths },
    onRun: () => {
      awaitingDrain = false;
    },
  });

  const feed = () => {
    const stdin = ffmpeg.current?.stdin;
    if (!latest || !stdin || !stdin.writable) return;
    if (awaitingDrain) {
      counters.framesSkipped += 1;
      return;
    }
    const accepted = stdin.write(latest, (error) => {
      if (error) return;
      counters.framesEncoded += 1;
      ffmpeg.reportProgress();
    });
    if (!accepted) {
      awaitingDrain = true;
      stdin.once('drain', () => {
        awaitingDrain = false;
      });
    }
  };

  return {
    paths,
    write(frame, annotations) {
      if (frame.width !== options.width || frame.height !== options.height || frame.data.length !== frameBytes) {
        throw new RangeError(`restream expects ${options.width}x${options.height} RGB24 frames (got ${frame.width}x${frame.height}, ${frame.data.length} bytes)`);
      }
      // A fresh buffer per frame: the previous one may still sit in the pipe to ffmpeg.
      const picture = Buffer.from(frame.data);
      if (annotations) {
        const started = performance.now();
        drawAnnotations({ data: picture, width: frame.width, height: frame.height }, annotations, options.drawStyle);
        counters.drawTotalMs += performance.now() - started;
      }
      latest = picture;
      counters.framesWritten += 1;
      if (!pacer) {
        ffmpeg.start();
        pacer = setInterval(feed, 1000 / options.fps);
      }
    },
    status() {
      const status = ffmpeg.status();
      return {
        state: pacer ? status.state : 'waiting-for-frames',
        stateSince: pacer ? status.since : createdAt,
        paths,
        framesWritten: counters.framesWritten,
        framesEncoded: counters.framesEncoded,
        framesSkipped: counters.framesSkipped,
        drawMs: counters.framesWritten ? Math.round((counters.drawTotalMs / counters.framesWritten) * 1000) / 1000 : 0,
        restarts: status.restarts,
        ...(status.lastError ? { lastError: status.lastError, lastErrorAt: status.lastErrorAt } : {}),
        ...(status.nextAttemptAt ? { nextAttemptAt: status.nextAttemptAt } : {}),
      };
    },
    async stop() {
      clearInterval(pacer);
      await ffmpeg.stop();
    },
  };
}
