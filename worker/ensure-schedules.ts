import { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { Db } from '../db/connect';
import type { Logger } from '../server/logger';
import { getSettings } from '../server/settings/get-settings';
import { ensureRetentionSchedule } from '../server/temporal/retention-schedule';
import { ensureReconcileSchedule } from '../server/temporal/reconcile-schedule';

/**
 * The worker owns Vigil's schedules: it (re)creates them at every start from the stored settings, so a fresh
 * Temporal (dev server database lost) gets them back. A failure is logged, not fatal: the worker still runs.
 */
export async function ensureSchedules(options: { connection: NativeConnection; namespace: string; taskQueue: string; db: Db; logger: Logger }): Promise<void> {
  try {
    const { retentionRunAt } = await getSettings(options.db);
    const client = new Client({ connection: options.connection, namespace: options.namespace });
    const outcome = await ensureRetentionSchedule(client, { taskQueue: options.taskQueue, runAt: retentionRunAt });
    options.logger.info({ scheduleId: 'retention', runAt: retentionRunAt, outcome }, 'retention schedule ensured');
    await ensureReconcileSchedule(client, { taskQueue: options.taskQueue });
    options.logger.info({ scheduleId: 'reconcile' }, 'reconcile schedule ensured and a first run started');
  } catch (error) {
    options.logger.warn({ err: error }, 'could not ensure the schedules (retention, reconcile); they run on demand only until the next worker start');
  }
}
