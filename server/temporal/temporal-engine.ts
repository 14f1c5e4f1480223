import { randomUUID } from 'node:crypto';
import { AppError } from '../../lib/errors';
import type { healthCheckWorkflow } from '../../workflows/health-check-workflow';
import type { Logger } from '../logger';
import { createTemporalClient } from './temporal-client';
import { createTrainingStarts } from './temporal-training-starts';
import { createWorkflowStarts } from './temporal-workflow-starts';
import { createPipelineControl } from './pipeline-control';
import { createWorkflowVisibility } from './workflow-visibility';
import { createTaskQueueProbe } from '../dashboard/temporal-task-queue';
import type { HealthCheckReport, WorkflowEnginePort } from './temporal.port';

interface TemporalSettings {
  address: string;
  namespace: string;
  taskQueue: string;
}

const healthTimeoutMs = 3000;
const defaultWorkflowTimeoutMs = 15_000;

/** Temporal adapter: connects lazily, so the web app starts (and reports) even while Temporal is down. */
export function createTemporalEngine(settings: TemporalSettings, logger: Logger): WorkflowEnginePort {
  const temporal = createTemporalClient({ ...settings, connectTimeoutMs: healthTimeoutMs });
  const unreachable = (error: unknown) =>
    new AppError('dependency_unavailable', `Temporal at ${settings.address} is unreachable: ${describe(error)}`);

  return {
    async checkHealth() {
      try {
        const conn = await temporal.connection();
        await conn.withDeadline(Date.now() + healthTimeoutMs, () => conn.healthService.check({}));
      } catch (error) {
        throw unreachable(error);
      }
    },

    async runHealthCheckWorkflow({ requestedBy, timeoutMs = defaultWorkflowTimeoutMs }): Promise<HealthCheckReport> {
      const client = await temporal.client().catch((error: unknown) => {
        throw unreachable(error);
      });
      const workflowId = `health-check:${randomUUID()}`;
      try {
        // The server-side timeout also ends the run when no worker picks it up, so nothing is left behind.
        const handle = await client.workflow.start<typeof healthCheckWorkflow>('healthCheckWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [{ requestedBy }],
          workflowExecutionTimeout: timeoutMs,
        });
        return await client.connection.withDeadline(Date.now() + timeoutMs + 1000, () => handle.result());
      } catch (error) {
        logger.warn({ workflowId, err: error }, 'health-check workflow failed');
        const reason = isTimeout(error)
          ? `did not complete within ${timeoutMs} ms (is a worker polling task queue "${settings.taskQueue}"?)`
          : `failed: ${describe(error)}`;
        throw new AppError('dependency_unavailable', `Health-check workflow ${workflowId} ${reason}`);
      }
    },

    ...createWorkflowStarts(temporal, settings, logger),
    ...createTrainingStarts(() => temporal.client(), settings),
    ...createPipelineControl(temporal, settings),
    ...createWorkflowVisibility(temporal),
    ...createTaskQueueProbe(temporal, settings),

    async close() {
      await temporal.close();
      logger.debug('temporal connection closed');
    },
  };
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

// Either the server's execution timeout (a TimeoutFailure cause) or our own gRPC deadline ran out.
function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = error.cause instanceof Error ? error.cause.name : '';
  return cause === 'TimeoutFailure' || /deadline/i.test(error.message);
}
