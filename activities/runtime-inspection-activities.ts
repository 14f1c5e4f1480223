import { ApplicationFailure } from '@temporalio/activity';
import type { WorkloadRuntime, WorkloadSelector, WorkloadStatus } from '../runtime/workload-runtime.port';

export interface InspectWorkloadsInput {
  selector: WorkloadSelector;
  /** Lines of output per workload (0: none). */
  logTail: number;
}

export interface InspectedWorkload {
  status: WorkloadStatus;
  /** The last lines of output, oldest first; null when they were not asked for or could not be read. */
  logs: string[] | null;
  logProblem?: string;
}

/** Read-only questions the web app asks the runtime, which only the worker process holds. */
export function createRuntimeInspectionActivities(deps: { runtime?: WorkloadRuntime }) {
  return {
    async inspectWorkloads(input: InspectWorkloadsInput): Promise<InspectedWorkload[]> {
      // Not retryable: a worker started without a runtime will not grow one.
      if (!deps.runtime) throw ApplicationFailure.nonRetryable('this worker runs no workload runtime', 'NoWorkloadRuntime');
      const runtime = deps.runtime;
      const statuses = await runtime.list(input.selector);
      return Promise.all(
        statuses.map(async (status): Promise<InspectedWorkload> => {
          if (input.logTail <= 0) return { status, logs: null };
          try {
            return { status, logs: await runtime.logs(status.id, { tail: input.logTail }) };
          } catch (error) {
            // Removed between list and logs: show the status, say why the lines are missing.
            return { status, logs: null, logProblem: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
    },
  };
}
