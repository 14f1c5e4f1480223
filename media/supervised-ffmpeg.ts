import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { backoffDelayMs, defaultStreamBackoff, type BackoffPolicy } from '../lib/media/backoff';
import { InputBannerReader, parseFfmpegLogLine, type FfmpegLogLine, type SourceVideo } from '../lib/media/ffmpeg-log';
import { redactUrlCredentials } from '../lib/redact-url';
import { silentLogger, type MediaLogger } from './media-logger';

/** connecting: ffmpeg runs, nothing flowed yet · streaming · backoff: waiting to retry · stopped: by us · ended: the source finished (a file). */
export type StreamState = 'connecting' | 'streaming' | 'backoff' | 'stopped' | 'ended';

export type FfmpegRun = ChildProcessByStdio<Writable | null, Readable, Readable>;

export interface SupervisedFfmpegOptions {
  /** argv of each run, built again per run. */
  args: () => string[];
  stdin?: boolean;
  /** Running but no progress for this long → killed and restarted. */
  stallTimeoutMs: number;
  /** Allowance for the first progress of a run (connect + probe); defaults to stallTimeoutMs. */
  startTimeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Exit code 0 means the source ended (a file without loop), not a failure. */
  cleanExitEnds?: boolean;
  ffmpegPath?: string;
  logger?: MediaLogger;
  /** Ids for every log line (camera, pipeline); never a URL with credentials. */
  logContext?: Record<string, unknown>;
  stopGraceMs?: number;
  random?: () => number;
  /** Lets the owner attach to a fresh run's stdout/stdin. */
  onRun?: (run: FfmpegRun) => void;
  onLogLine?: (line: FfmpegLogLine, state: StreamState) => void;
}

export interface SupervisedStatus {
  state: StreamState;
  /** When the current state began (epoch ms). */
  since: number;
  /** Runs started after the first: reconnects. */
  restarts: number;
  lastError?: string;
  lastErrorAt?: number;
  nextAttemptAt?: number;
  source?: SourceVideo;
}

/**
 * One ffmpeg kept alive: restarted with exponential backoff when it exits or stalls, stopped cleanly on request.
 * The owner calls reportProgress() whenever real output arrives; that is what "streaming" and "stalled" mean.
 */
export class SupervisedFfmpeg extends EventEmitter<{ state: [SupervisedStatus] }> {
  private state: StreamState = 'connecting';
  private since = Date.now();
  private restarts = 0;
  private failures = 0;
  private lastError: string | undefined;
  private lastErrorAt: number | undefined;
  private nextAttemptAt: number | undefined;
  private source: SourceVideo | undefined;
  private run: FfmpegRun | undefined;
  private runExited: Promise<void> = Promise.resolve();
  private progressedThisRun = false;
  private stallTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stallReason: string | undefined;
  private lastErrorLine: string | undefined;
  private stopping = false;
  private readonly logger: MediaLogger;

  constructor(private readonly options: SupervisedFfmpegOptions) {
    super();
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    this.spawnRun();
  }

  get current(): FfmpegRun | undefined {
    return this.run;
  }

  status(): SupervisedStatus {
    return {
      state: this.state,
      since: this.since,
      restarts: this.restarts,
      ...(this.lastError ? { lastError: this.lastError, lastErrorAt: this.lastErrorAt } : {}),
      ...(this.state === 'backoff' ? { nextAttemptAt: this.nextAttemptAt } : {}),
      ...(this.source ? { source: this.source } : {}),
    };
  }

  /** Real output arrived (a frame, a progress block with more frames): resets the stall timer and the backoff streak. */
  reportProgress(): void {
    if (!this.run || this.stopping) return;
    if (!this.progressedThisRun) {
      this.progressedThisRun = true;
      this.failures = 0;
      this.armStallTimer(this.options.stallTimeoutMs);
      this.setState('streaming');
    } else {
      this.stallTimer?.refresh();
    }
  }

  async stop(): Promise<void> {
    if (this.stopping) return this.runExited;
    this.stopping = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.stallTimer);
    const run = this.run;
    if (run) {
      const grace = this.options.stopGraceMs ?? 3000;
      // An encoder given end-of-input flushes and closes its outputs properly; a reader just gets SIGTERM.
      if (run.stdin) run.stdin.end();
      else run.kill('SIGTERM');
      const term = setTimeout(() => run.kill('SIGTERM'), grace / 2);
      const kill = setTimeout(() => run.kill('SIGKILL'), grace);
      await this.runExited;
      clearTimeout(term);
      clearTimeout(kill);
    }
    this.setState('stopped');
  }

  private spawnRun(): void {
    if (this.stopping) return;
    this.progressedThisRun = false;
    this.stallReason = undefined;
    this.lastErrorLine = undefined;
    this.setState('connecting');
    const run = spawn(this.options.ffmpegPath ?? 'ffmpeg', this.options.args(), {
      stdio: [this.options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    }) as FfmpegRun;
    this.run = run;
    const banner = new InputBannerReader();
    createInterface({ input: run.stderr, crlfDelay: Infinity }).on('line', (raw) => {
      const line = parseFfmpegLogLine(redactUrlCredentials(raw));
      if (line.level === 'info' || line.level === 'other') {
        banner.feed(line.message);
        if (banner.source && this.source !== banner.source) this.source = banner.source;
      }
      if (line.level === 'error' || line.level === 'fatal') this.lastErrorLine = line.message;
      this.options.onLogLine?.(line, this.state);
    });
    // An encoder whose output died stops reading; writes then fail with EPIPE, which the exit handler reports.
    run.stdin?.on('error', () => undefined);
    this.runExited = new Promise((resolve) => {
      let finished = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError?: Error) => {
        if (finished) return;
        finished = true;
        this.onRunExit(run, code, signal, spawnError);
        resolve();
      };
      run.once('error', (error) => finish(null, null, error));
      run.once('close', (code, signal) => finish(code, signal));
    });
    this.armStallTimer(this.options.startTimeoutMs ?? this.options.stallTimeoutMs);
    this.options.onRun?.(run);
  }

  private armStallTimer(ms: number): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => {
      const seconds = Math.round(ms / 100) / 10;
      this.stallReason = this.progressedThisRun ? `stalled: no frame for ${seconds} s` : `no frame within ${seconds} s of connecting (source silent or unreachable)`;
      this.run?.kill('SIGKILL');
    }, ms);
  }

  private onRunExit(run: FfmpegRun, code: number | null, signal: NodeJS.Signals | null, spawnError?: Error): void {
    clearTimeout(this.stallTimer);
    if (this.run === run) this.run = undefined;
    if (this.stopping) return;
    if (code === 0 && this.options.cleanExitEnds && !this.stallReason) {
      this.setState('ended');
      return;
    }
    const cause = spawnError
      ? `cannot run ffmpeg: ${spawnError.message}`
      : this.stallReason ?? this.lastErrorLine ?? (code === 0 ? 'the source closed the stream' : `ffmpeg exited (${signal ? `signal ${signal}` : `code ${code}`})`);
    this.lastError = this.progressedThisRun || this.stallReason ? cause : `could not open the source: ${cause}`;
    this.lastErrorAt = Date.now();
    this.failures += 1;
    const delay = backoffDelayMs(this.failures, this.options.backoff ?? defaultStreamBackoff, this.options.random ?? Math.random);
    this.nextAttemptAt = Date.now() + delay;
    this.logger.warn({ ...this.options.logContext, error: this.lastError, retryInMs: delay, attempt: this.failures }, 'ffmpeg stopped; retrying');
    this.setState('backoff');
    this.retryTimer = setTimeout(() => {
      this.restarts += 1;
      this.spawnRun();
    }, delay);
  }

  private setState(state: StreamState): void {
    if (state === this.state && state !== 'connecting') return;
    this.state = state;
    this.since = Date.now();
    if (state === 'streaming' || state === 'ended' || state === 'stopped') this.logger.info({ ...this.options.logContext, state }, `stream ${state}`);
    this.emit('state', this.status());
  }
}
