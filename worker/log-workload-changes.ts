import type { Logger } from 'pino';
import type { WorkloadChange, WorkloadRuntime, WorkloadWatch } from '../runtime/workload-runtime.port';

/**
 * Operators read the worker's log: every change of a workload the runtime watches becomes one structured line,
 * warnings for crash loops and failures (with restarts and the runtime's reason), info for the rest.
 */
export function logWorkloadChanges(runtime: WorkloadRuntime, logger: Logger): WorkloadWatch {
  return runtime.watch((change: WorkloadChange) => {
    const { id, status } = change;
    if (!status) {
      logger.info({ workload: id }, 'workload gone');
      return;
    }
    const fields = { workload: id, kind: status.kind, phase: status.phase, ready: status.ready, restarts: status.restarts, owners: status.owners, ...(status.message ? { reason: status.message } : {}) };
    if (status.phase === 'crash-loop' || status.phase === 'failed') logger.warn(fields, `workload ${status.phase}`);
    else logger.info(fields, `workload ${status.phase}`);
  });
}
