import { ScheduleAlreadyRunning, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { reconcileWorkflow } from '../../workflows/reconcile-workflow';

export const reconcileScheduleId = 'reconcile';

/** Every minute, skipping a tick while one is still running; plus one run right now (the platform's start). */
export async function ensureReconcileSchedule(client: Client, options: { taskQueue: string }): Promise<void> {
  const action = { type: 'startWorkflow' as const, workflowType: 'reconcileWorkflow', workflowId: 'reconcile:scheduled', taskQueue: options.taskQueue, args: [] };
  try {
    await client.schedule.create({ scheduleId: reconcileScheduleId, spec: { intervals: [{ every: '1 minute' }] }, action, policies: { overlap: 'SKIP' } });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  try {
    await client.workflow.start<typeof reconcileWorkflow>('reconcileWorkflow', { workflowId: 'reconcile:at-start', taskQueue: options.taskQueue, args: [] });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
