import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { AppError } from '../../lib/errors';
import { deliveryWorkflowId } from '../../lib/contracts/deliveries';
import type { alarmDeliveryWorkflow } from '../../workflows/alarm-delivery-workflow';
import type { retentionWorkflow } from '../../workflows/retention-workflow';
import type { Logger } from '../logger';
import { ensureRetentionSchedule } from './retention-schedule';
import type { TemporalClientHolder } from './temporal-client';
import type { WorkflowEnginePort } from './temporal.port';

type WorkflowStarts = Pick<WorkflowEnginePort, 'startAlarmDelivery' | 'startRetentionRun' | 'syncRetentionSchedule'>;

/** The delivery and retention parts of the Temporal adapter: starting workflows by their stable ids. */
export function createWorkflowStarts(temporal: TemporalClientHolder, settings: { taskQueue: string; address: string }, logger: Logger): WorkflowStarts {
  const client = () =>
    temporal.client().catch((error: unknown) => {
      throw new AppError('dependency_unavailable', `Temporal at ${settings.address} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    });

  return {
    async startAlarmDelivery({ deliveryId, alarmId, targetId, redrive = false }) {
      const workflowId = deliveryWorkflowId(alarmId, targetId);
      try {
        await (await client()).workflow.start<typeof alarmDeliveryWorkflow>('alarmDeliveryWorkflow', {
          workflowId,
          taskQueue: settings.taskQueue,
          args: [{ deliveryId, redrive }],
          // A re-sent alarm must not start a second run after the first finished; a re-drive is exactly that.
          workflowIdReusePolicy: redrive ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
        });
        return { workflowId, alreadyStarted: false };
      } catch (error) {
        if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, alreadyStarted: true };
        throw error;
      }
    },

    async startRetentionRun({ runId, trigger, days }) {
      const workflowId = `retention:${runId}`;
      await (await client()).workflow.start<typeof retentionWorkflow>('retentionWorkflow', {
        workflowId,
        taskQueue: settings.taskQueue,
        args: [{ runId, trigger, ...(days === undefined ? {} : { days }) }],
      });
      return { workflowId };
    },

    async syncRetentionSchedule({ runAt }) {
      const outcome = await ensureRetentionSchedule(await client(), { taskQueue: settings.taskQueue, runAt });
      logger.info({ runAt, outcome }, 'retention schedule synchronised');
    },
  };
}
