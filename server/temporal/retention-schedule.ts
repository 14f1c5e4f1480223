import { ScheduleAlreadyRunning, type Client, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import { parseRunAt } from '../../lib/retention/retention-plan';
import type { retentionWorkflow } from '../../workflows/retention-workflow';

/** DESIGN.md §5: the schedule's id. Runs it starts get workflow ids `retention:scheduled-<time>`. */
export const retentionScheduleId = 'retention';

export interface RetentionScheduleOptions {
  taskQueue: string;
  /** settings.retentionRunAt, HH:MM on the server clock. */
  runAt: string;
  /** IANA zone of "the server clock"; defaults to this process's. */
  timeZone?: string;
}

/**
 * Creates the daily retention schedule, or updates it to the given time: idempotent, so the worker calls it at
 * every start and the settings service whenever retentionRunAt changes.
 */
export async function ensureRetentionSchedule(client: Client, options: RetentionScheduleOptions): Promise<'created' | 'updated'> {
  const { hour, minute } = parseRunAt(options.runAt);
  const spec: ScheduleSpec = { calendars: [{ hour, minute }], timezone: options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone };
  const action: ScheduleOptionsStartWorkflowAction<typeof retentionWorkflow> = {
    type: 'startWorkflow',
    workflowType: 'retentionWorkflow',
    workflowId: 'retention:scheduled',
    taskQueue: options.taskQueue,
    args: [{ trigger: 'schedule' }],
  };
  try {
    // Overlap SKIP: a sweep still running (a huge backlog) is not joined by a second one deleting the same rows.
    await client.schedule.create({ scheduleId: retentionScheduleId, spec, action, policies: { overlap: 'SKIP', catchupWindow: '1 hour' } });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(retentionScheduleId).update((previous) => ({ ...previous, spec, action }));
    return 'updated';
  }
}
