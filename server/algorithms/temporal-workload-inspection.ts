import { randomUUID } from 'node:crypto';
import { AppError } from '../../lib/errors';
import type { inspectWorkloadsWorkflow } from '../../workflows/inspect-workloads-workflow';
import type { Logger } from '../logger';
import { createTemporalClient, type TemporalClientHolder } from '../temporal/temporal-client';
import type { WorkloadInspectionPort } from './workload-inspection.port';

export interface InspectionSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  /** How long a person waits for the worker before being told it does not answer. */
  timeoutMs?: number;
}

const defaultTimeoutMs = 8000;

/**
 * Runs the short inspectWorkloads workflow and waits for its answer. The execution timeout also ends the run
 * when no worker polls the queue, so an unanswered question leaves nothing behind.
 */
export function createTemporalWorkloadInspection(settings: InspectionSettings, logger: Logger, temporal: TemporalClientHolder = createTemporalClient(settings)): WorkloadInspectionPort & { close(): Promise<void> } {
  const timeoutMs = settings.timeoutMs ?? defaultTimeoutMs;
  return {
    async inspectWorkloads(input) {
      const client = await temporal.client().catch((error: unknown) => {
        throw new AppError('dependency_unavailable', `Temporal at ${settings.address} is unreachable: ${describe(error)}`);
      });
      const workflowId = `inspect-workloads:${randomUUID()}`;
      try {
        const handle = await client.workflow.start<typeof inspectWorkloadsWorkflow>('inspectWorkloadsWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [input],
          workflowExecutionTimeout: timeoutMs,
        });
        return await client.connection.withDeadline(Date.now() + timeoutMs + 1000, () => handle.result());
      } catch (error) {
        logger.warn({ workflowId, err: error }, 'workload inspection failed');
        const reason = isTimeout(error) ? `no worker answered within ${timeoutMs} ms (is the worker running on task queue "${settings.taskQueue}"?)` : describe(error);
        throw new AppError('dependency_unavailable', `The worker could not be asked about workloads: ${reason}`);
      }
    },
    close: () => temporal.close(),
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = error.cause instanceof Error ? error.cause.name : '';
  return cause === 'TimeoutFailure' || /deadline/i.test(error.message);
}
