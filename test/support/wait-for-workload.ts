import type { WorkloadRuntime, WorkloadStatus } from '../../runtime/workload-runtime.port';

/**
 * Polls a workload's status until the predicate holds; on timeout the error shows the last status seen, which is
 * what one needs to understand a failure. The predicate sees every status polled, so it can also collect them.
 */
export async function waitForWorkload(
  runtime: WorkloadRuntime,
  id: string,
  what: string,
  predicate: (status: WorkloadStatus) => boolean,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<WorkloadStatus> {
  const deadline = Date.now() + options.timeoutMs;
  let last: WorkloadStatus | undefined;
  for (;;) {
    last = await runtime.status(id);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`workload ${id} was not ${what} within ${options.timeoutMs} ms; last status: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}
