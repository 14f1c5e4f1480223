import type { WorkloadWatch } from './workload-runtime.port';

/** The watches a runtime handed out, so that closing the runtime ends them; a watch stopped by its owner leaves. */
export class WatchRegistry {
  private readonly watches = new Set<WorkloadWatch>();

  track(watch: WorkloadWatch): WorkloadWatch {
    const tracked: WorkloadWatch = {
      stop: async () => {
        this.watches.delete(tracked);
        await watch.stop();
      },
    };
    this.watches.add(tracked);
    return tracked;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.watches].map((watch) => watch.stop()));
  }
}
