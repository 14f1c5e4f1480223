import { EventEmitter } from 'node:events';
import { splitStreamUrl } from '../../lib/cameras/stream-url';
import type { BackoffPolicy } from '../../lib/media/backoff';
import { buildFfmpegArgs } from '../../lib/media/ffmpeg-args';
import type { SourceVideo } from '../../lib/media/ffmpeg-log';
import { FrameSplitter } from '../../lib/media/frame-splitter';
import { RateWindow } from '../../lib/media/rate-window';
import { redactUrlCredentials } from '../../lib/redact-url';
import type { MediaLogger } from '../media-logger';
import { SupervisedFfmpeg, type StreamState } from '../supervised-ffmpeg';
import { LatestFramesQueue } from './latest-frames-queue';

export interface Frame {
  /** RGB24, width × height × 3 bytes; the consumer owns it. */
  data: Buffer;
  width: number;
  height: number;
  /** Counts frames since the reader opened, across reconnects. */
  index: number;
  /** Epoch ms when the frame's last byte arrived from ffmpeg. */
  receivedAt: number;
}

export interface FrameReaderOptions {
  /** rtsp, rtmp, http(s) or file URL; may carry credentials (never logged). */
  url: string;
  fps: number;
  width: number;
  height: number;
  /** Files: `realtime` (default) plays like a camera; `fast` decodes flat out (benchmarks). */
  pace?: 'realtime' | 'fast';
  /** Files: start over at the end instead of ending. */
  loop?: boolean;
  /** ffmpeg's socket timeout for network sources. */
  connectTimeoutSeconds?: number;
  /** No frame for this long while streaming → ffmpeg is killed and restarted (default 10 s, or 3 frame periods if longer). */
  stallTimeoutMs?: number;
  /** Frames kept for a slow consumer; older ones are dropped. */
  maxQueuedFrames?: number;
  backoff?: BackoffPolicy;
  ffmpegPath?: string;
  logger?: MediaLogger;
  logContext?: Record<string, unknown>;
}

export interface FrameReaderStats {
  state: StreamState;
  /** The source URL without credentials. */
  source: string;
  /** Frames per second coming out of ffmpeg (at most the requested fps) over the last 5 s. */
  fpsIn: number;
  /** Frames per second taken by the consumer over the last 5 s. */
  fpsOut: number;
  framesIn: number;
  framesOut: number;
  /** Frames the consumer was too slow to take. */
  framesDropped: number;
  /** Error lines ffmpeg printed while streaming (corrupt packets, decoder errors). */
  decodeErrors: number;
  reconnects: number;
  lastFrameAt?: number;
  lastError?: string;
  lastErrorAt?: number;
  nextAttemptAt?: number;
  /** The source's own codec, size and rate, from ffmpeg's banner. */
  sourceVideo?: SourceVideo;
  stateSince: number;
}

export interface FrameReader extends AsyncIterable<Frame> {
  stats(): FrameReaderStats;
  on(event: 'state', listener: (stats: FrameReaderStats) => void): this;
  /** Kills ffmpeg (SIGTERM, then SIGKILL) and ends the iteration. */
  stop(): Promise<void>;
}

const rateWindowMs = 5000;

/** Starts decoding at once; frames are read with `for await`. Reconnects by itself until stop(). */
export function openFrameReader(options: FrameReaderOptions): FrameReader {
  const split = splitStreamUrl(options.url);
  if (!split.ok) throw new Error(`invalid stream URL: ${split.message}`);
  const { scheme } = split.value;
  const frameBytes = options.width * options.height * 3;
  const args = buildFfmpegArgs({
    preset: 'decode-frames', input: options.url, scheme, timeoutSeconds: options.connectTimeoutSeconds ?? 5,
    fps: options.fps, width: options.width, height: options.height, pace: options.pace, loop: options.loop,
  });
  const queue = new LatestFramesQueue<Frame>(options.maxQueuedFrames ?? 2);
  const rateIn = new RateWindow(rateWindowMs);
  const rateOut = new RateWindow(rateWindowMs);
  const counters = { framesIn: 0, framesOut: 0, framesDropped: 0, decodeErrors: 0, lastFrameAt: undefined as number | undefined };
  const events = new EventEmitter();
  // At least three frame periods: a 0.2 fps analysis must not count its normal gaps as stalls.
  const stallTimeoutMs = options.stallTimeoutMs ?? Math.max(10_000, 3000 / options.fps);
  const ffmpeg = new SupervisedFfmpeg({
    args: () => args,
    stallTimeoutMs,
    // Connecting includes ffmpeg's own socket timeout and ~1 s of probing; its clearer error should win the race.
    startTimeoutMs: Math.max(stallTimeoutMs, (options.connectTimeoutSeconds ?? 5) * 1000 + 5000),
    cleanExitEnds: scheme === 'file' && !options.loop,
    backoff: options.backoff,
    ffmpegPath: options.ffmpegPath,
    logger: options.logger,
    logContext: { ...options.logContext, source: split.value.url },
    onLogLine: (line, state) => {
      if (state === 'streaming' && (line.level === 'error' || line.level === 'fatal')) counters.decodeErrors += 1;
    },
    onRun: (run) => {
      // A run that died mid-frame left a partial frame; a fresh splitter per run keeps frames aligned.
      const splitter = new FrameSplitter(frameBytes);
      run.stdout.on('data', (chunk: Buffer) => {
        for (const data of splitter.push(chunk)) {
          const receivedAt = Date.now();
          counters.framesIn += 1;
          counters.lastFrameAt = receivedAt;
          rateIn.record(receivedAt);
          ffmpeg.reportProgress();
          const frame: Frame = { data, width: options.width, height: options.height, index: counters.framesIn - 1, receivedAt };
          counters.framesDropped += queue.push(frame);
        }
      });
    },
  });

  const stats = (): FrameReaderStats => {
    const status = ffmpeg.status();
    const now = Date.now();
    return {
      state: status.state,
      source: redactUrlCredentials(split.value.url),
      fpsIn: rateIn.perSecond(now),
      fpsOut: rateOut.perSecond(now),
      framesIn: counters.framesIn,
      framesOut: counters.framesOut,
      framesDropped: counters.framesDropped,
      decodeErrors: counters.decodeErrors,
      reconnects: status.restarts,
      ...(counters.lastFrameAt ? { lastFrameAt: counters.lastFrameAt } : {}),
      ...(status.lastError ? { lastError: status.lastError, lastErrorAt: status.lastErrorAt } : {}),
      ...(status.nextAttemptAt ? { nextAttemptAt: status.nextAttemptAt } : {}),
      ...(status.source ? { sourceVideo: status.source } : {}),
      stateSince: status.since,
    };
  };
  ffmpeg.on('state', (status) => {
    if (status.state === 'ended' || status.state === 'stopped') queue.close();
    events.emit('state', stats());
  });
  ffmpeg.start();

  const reader: FrameReader = {
    stats,
    on(event, listener) {
      events.on(event, listener);
      return reader;
    },
    stop: () => ffmpeg.stop(),
    [Symbol.asyncIterator]() {
      return {
        next: async () => {
          const result = await queue.next();
          if (!result.done) {
            counters.framesOut += 1;
            rateOut.record(Date.now());
          }
          return result;
        },
        // Leaving a for-await loop early (break, throw) stops decoding: nobody else reads this reader.
        return: async () => {
          await ffmpeg.stop();
          return { value: undefined, done: true };
        },
      };
    },
  };
  return reader;
}
