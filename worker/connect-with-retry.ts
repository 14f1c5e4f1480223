import { setTimeout as sleep } from 'node:timers/promises';
import { NativeConnection } from '@temporalio/worker';
import type { Logger } from '../server/logger';

const firstDelayMs = 500;
const maxDelayMs = 5000;

/** The worker may start before Temporal answers (one-box start, Kubernetes rollout): wait for it with backoff. */
export async function connectWithRetry(address: string, logger: Logger, signal: AbortSignal): Promise<NativeConnection> {
  let delayMs = firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const connection = await NativeConnection.connect({ address });
      logger.info({ address, attempt }, 'connected to Temporal');
      return connection;
    } catch (error) {
      signal.throwIfAborted();
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ address, attempt, retryInMs: delayMs, reason }, `Temporal at ${address} is not reachable yet; retrying`);
      await sleep(delayMs, undefined, { signal });
      delayMs = Math.min(delayMs * 2, maxDelayMs);
    }
  }
}
