import { createInterface } from 'node:readline';
import { splitStreamUrl } from '../../lib/cameras/stream-url';
import type { BackoffPolicy } from '../../lib/media/backoff';
import { buildFfmpegArgs } from '../../lib/media/ffmpeg-args';
import { ProgressReader, type SourceVideo } from '../../lib/media/ffmpeg-log';
import { relayStreamPath, rtmpStreamUrl } from '../../lib/media/stream-paths';
import type { MediaLogger } from '../media-logger';
import { SupervisedFfmpeg, type StreamState } from '../supervised-ffmpeg';

export interface RelayOptions {
  cameraId: string;
  /** The camera's URL, credentials included (never logged or reported). */
  sourceUrl: string;
  /** Where the media server accepts RTMP from Vigil's processes. */
  server: { host: string; rtmpPort: number };
  connectTimeoutSeconds?: number;
  stallTimeoutMs?: number;
  backoff?: BackoffPolicy;
  ffmpegPath?: string;
  logger?: MediaLogger;
}

export interface RelayStatus {
  cameraId: string;
  state: StreamState;
  stateSince: number;
  /** The camera URL without credentials. */
  source: string;
  /** What analyzers, the live view and snapshots open instead of the camera. */
  url: string;
  framesRelayed: number;
  /** Bits per second of the copied video, from ffmpeg's progress. */
  bitrate?: number;
  restarts: number;
  lastError?: string;
  lastErrorAt?: number;
  nextAttemptAt?: number;
  sourceVideo?: SourceVideo;
}

export interface Relay {
  readonly cameraId: string;
  /** rtmp://…/relay/<cameraId> */
  readonly url: string;
  status(): RelayStatus;
  stop(): Promise<void>;
}

/**
 * One connection to the camera, copied (no re-encode) to the media server as /relay/<cameraId>. Many cameras
 * accept only a few clients; everything in Vigil reads the relay instead. Restarts with backoff, like a reader.
 */
export function startRelay(options: RelayOptions): Relay {
  const split = splitStreamUrl(options.sourceUrl);
  if (!split.ok) throw new Error(`camera ${options.cameraId}: invalid stream URL: ${split.message}`);
  const url = rtmpStreamUrl(options.server, relayStreamPath(options.cameraId));
  const args = buildFfmpegArgs({ preset: 'relay-copy', input: options.sourceUrl, scheme: split.value.scheme, timeoutSeconds: options.connectTimeoutSeconds ?? 5, output: url });
  let framesRelayed = 0;
  let bitrate: number | undefined;
  const stallTimeoutMs = options.stallTimeoutMs ?? 10_000;
  const ffmpeg = new SupervisedFfmpeg({
    args: () => args,
    stallTimeoutMs,
    startTimeoutMs: Math.max(stallTimeoutMs, (options.connectTimeoutSeconds ?? 5) * 1000 + 5000),
    backoff: options.backoff,
    ffmpegPath: options.ffmpegPath,
    logger: options.logger,
    logContext: { cameraId: options.cameraId, relay: url },
    onRun: (run) => {
      const progress = new ProgressReader();
      let runFrames = 0;
      createInterface({ input: run.stdout, crlfDelay: Infinity }).on('line', (line) => {
        const block = progress.feed(line);
        if (!block) return;
        // Progress blocks come every second whether or not frames moved; only more frames count as progress.
        if (block.frame > runFrames) {
          framesRelayed += block.frame - runFrames;
          runFrames = block.frame;
          bitrate = block.bitrate;
          ffmpeg.reportProgress();
        }
      });
    },
  });
  ffmpeg.start();
  return {
    cameraId: options.cameraId,
    url,
    status: () => {
      const status = ffmpeg.status();
      return {
        cameraId: options.cameraId,
        state: status.state,
        stateSince: status.since,
        source: split.value.url,
        url,
        framesRelayed,
        ...(bitrate !== undefined && status.state === 'streaming' ? { bitrate } : {}),
        restarts: status.restarts,
        ...(status.lastError ? { lastError: status.lastError, lastErrorAt: status.lastErrorAt } : {}),
        ...(status.nextAttemptAt ? { nextAttemptAt: status.nextAttemptAt } : {}),
        ...(status.source ? { sourceVideo: status.source } : {}),
      };
    },
    stop: () => ffmpeg.stop(),
  };
}
