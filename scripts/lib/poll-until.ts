import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Calls `attempt` until it returns true; throws after timeoutMs naming `what` and the last failure seen.
 * `attempt` may throw to report a reason ("connection refused"); that counts as not ready yet.
 */
export async function pollUntil(what: string, attempt: () => Promise<boolean>, options: PollOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastReason = 'no answer yet';
  for (;;) {
    options.signal?.throwIfAborted();
    try {
      if (await attempt()) return;
    } catch (error) {
      lastReason = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() >= deadline) throw new Error(`${what} not ready after ${options.timeoutMs} ms (last: ${lastReason})`);
    await sleep(options.intervalMs ?? 250, undefined, options.signal ? { signal: options.signal } : undefined);
  }
}
