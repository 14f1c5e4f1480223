import type { WorkloadChange, WorkloadRuntime, WorkloadWatch } from './workload-runtime.port';
import { WorkloadChangeTracker } from './workload-change-tracker';

/**
 * A watch for a runtime whose listing is cheap (the local runtime answers from memory): list every `intervalMs` and
 * report what moved. The first pass reports every workload that exists, so a new watcher learns the current state.
 */
export function watchByPolling(list: WorkloadRuntime['list'], onChange: (change: WorkloadChange) => void, options: { intervalMs: number; onError?: (error: unknown) => void }): WorkloadWatch {
  const tracker = new WorkloadChangeTracker();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      for (const change of tracker.observeAll(await list())) if (!stopped) onChange(change);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) {
      timer = setTimeout(() => {
        running = pass();
      }, options.intervalMs);
    }
  };
  running = pass();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
