import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestAlarmEventBody } from '../lib/contracts/alarms';
import type { Logger } from '../server/logger';

export interface OutboxOptions {
  /** Events are written here before sending and deleted once the platform accepted them. */
  spoolDir: string;
  endpoint: string;
  token: string;
  logger: Logger;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * At-least-once delivery of alarm events to the platform: spooled to disk first (an analyzer crash or a
 * platform outage loses nothing), sent in order, retried with exponential backoff; 4xx other than 408/429 is
 * a bug in the event, logged loudly and moved aside to `rejected/` instead of blocking the queue.
 */
export class AlarmOutbox {
  private sequence = 0;
  private running: Promise<void> | undefined;
  private stopped = false;
  private wakeIdle: (() => void) | undefined;
  private wakeAny: (() => void) | undefined;
  readonly stats = { sent: 0, retries: 0, rejected: 0, pending: 0 };

  constructor(private readonly options: OutboxOptions) {}

  async add(body: IngestAlarmEventBody): Promise<void> {
    await mkdir(this.options.spoolDir, { recursive: true });
    const name = `${Date.now().toString().padStart(15, '0')}-${String(this.sequence++).padStart(6, '0')}.json`;
    const temporary = join(this.options.spoolDir, `.${name}`);
    await writeFile(temporary, JSON.stringify(body));
    await rename(temporary, join(this.options.spoolDir, name));
    this.stats.pending += 1;
    this.wakeIdle?.();
  }

  /** Starts sending (also whatever a previous run left in the spool). */
  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAny?.();
    await this.running;
  }

  /** Resolves once the spool is empty (tests, graceful shutdown). */
  async drained(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.pendingFiles()).length === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  }

  private async pendingFiles(): Promise<string[]> {
    await mkdir(this.options.spoolDir, { recursive: true });
    return (await readdir(this.options.spoolDir)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  }

  private async loop(): Promise<void> {
    let delay = this.options.initialDelayMs ?? 500;
    while (!this.stopped) {
      const [next] = await this.pendingFiles();
      if (!next) {
        await this.sleep(1000, true);
        continue;
      }
      const path = join(this.options.spoolDir, next);
      const outcome = await this.send(await readFile(path, 'utf8'));
      if (outcome === 'retry') {
        this.stats.retries += 1;
        await this.sleep(delay, false);
        delay = Math.min(delay * 2, this.options.maxDelayMs ?? 30_000);
        continue;
      }
      delay = this.options.initialDelayMs ?? 500;
      if (outcome === 'rejected') {
        await mkdir(join(this.options.spoolDir, 'rejected'), { recursive: true });
        await rename(path, join(this.options.spoolDir, 'rejected', next));
        this.stats.rejected += 1;
      } else {
        await rm(path, { force: true });
        this.stats.sent += 1;
      }
      this.stats.pending = Math.max(0, this.stats.pending - 1);
    }
  }

  /** A wait that stop() cuts short, and add() too when idle (never a backoff: that would hammer a struggling platform). */
  private sleep(ms: number, idle: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeIdle = undefined;
        this.wakeAny = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeAny = done;
      this.wakeIdle = idle ? done : undefined;
    });
  }

  private async send(body: string): Promise<'sent' | 'retry' | 'rejected'> {
    try {
      const response = await fetch(this.options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return 'sent';
      const text = (await response.text()).slice(0, 300);
      if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        this.options.logger.error({ status: response.status, answer: text }, 'platform rejected an alarm event; kept in rejected/');
        return 'rejected';
      }
      this.options.logger.warn({ status: response.status }, 'platform did not take the alarm event; will retry');
      return 'retry';
    } catch (error) {
      this.options.logger.warn({ err: (error as Error).message }, 'platform unreachable; alarm event kept for retry');
      return 'retry';
    }
  }
}
