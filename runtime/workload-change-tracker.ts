import type { WorkloadChange, WorkloadStatus } from './workload-runtime.port';

/** What a watcher reports on: a change in any of these is news, a new `since` or endpoint alone is not. */
function summaryOf(status: WorkloadStatus): string {
  return JSON.stringify([status.phase, status.ready, status.restarts, status.specHash, status.message ?? null, status.owners]);
}

/**
 * Turns observed statuses into changes, level-triggered: whatever the trigger (a watch event, a poll), the caller
 * passes what it sees now for some ids and gets back only the workloads whose reported state moved, or vanished.
 */
export class WorkloadChangeTracker {
  private readonly last = new Map<string, string>();

  /** `status` undefined: the workload is gone (reported once). */
  observe(id: string, status: WorkloadStatus | undefined): WorkloadChange | undefined {
    if (!status) {
      if (!this.last.delete(id)) return undefined;
      return { id, status: undefined };
    }
    const summary = summaryOf(status);
    if (this.last.get(id) === summary) return undefined;
    this.last.set(id, summary);
    return { id, status };
  }

  /** A full listing: changes for every listed workload that moved, and removals for known ones no longer listed. */
  observeAll(statuses: readonly WorkloadStatus[]): WorkloadChange[] {
    const seen = new Set(statuses.map((status) => status.id));
    const changes = statuses.map((status) => this.observe(status.id, status));
    for (const id of [...this.last.keys()]) if (!seen.has(id)) changes.push(this.observe(id, undefined));
    return changes.filter((change): change is WorkloadChange => change !== undefined);
  }
}
