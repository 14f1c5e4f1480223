import { activityInfo } from '@temporalio/activity';
import type { Db } from '../db/connect';
import type { RetentionReport, RetentionTrigger } from '../lib/contracts/retention';
import { alarmSnapshotDays, retentionCutoff } from '../lib/retention/retention-plan';
import type { Logger } from '../server/logger';
import { newId } from '../server/new-id';
import type { ReadDiskUsage } from '../server/retention/disk-usage';
import { deleteAlarmSnapshots } from '../server/retention/snapshot-days';
import { getSettings } from '../server/settings/get-settings';
import { createRetentionMediaActivities } from './retention-media-activities';
import { reclaimDatabaseSpace } from './reclaim-database-space';

export interface RetentionActivityDeps {
  db: Db;
  logger: Logger;
  dataDir: string;
  now: () => Date;
  readDiskUsage: ReadDiskUsage;
}

export interface RetentionRunStart {
  runId: string;
  days: number;
  cutoff: string;
  minFreePercent: number;
}

export interface AlarmBatchResult {
  alarms: number;
  deliveries: number;
  attempts: number;
  files: number;
  bytes: number;
}

/** Activities of the Retention workflow: the run record, expired rows in batches, media, and database space. */
export function createRetentionActivities(deps: RetentionActivityDeps) {
  return {
    /** Fixes the cutoff once per run (from the activity's clock), so every batch deletes against the same instant. */
    async beginRetentionRun(input: { runId?: string; trigger: RetentionTrigger; days?: number }): Promise<RetentionRunStart> {
      const settings = await getSettings(deps.db);
      const days = input.days ?? settings.retentionDays;
      const now = deps.now();
      const cutoff = retentionCutoff(now, days);
      const workflowId = activityInfo().workflowExecution?.workflowId;
      if (!workflowId) throw new Error('beginRetentionRun runs inside the Retention workflow only');
      // Scheduled runs have no id yet: reuse the row of this workflow if a retried attempt already made one.
      const existing = await deps.db.selectFrom('retention_runs').select('id').where(input.runId ? 'id' : 'workflow_id', '=', input.runId ?? workflowId).executeTakeFirst();
      const runId = existing?.id ?? input.runId ?? newId('retentionRun');
      if (existing) {
        await deps.db.updateTable('retention_runs').set({ state: 'running', days, cutoff }).where('id', '=', runId).execute();
      } else {
        await deps.db
          .insertInto('retention_runs')
          .values({ id: runId, workflow_id: workflowId, trigger: input.trigger, days, cutoff, state: 'running', started_at: now.toISOString(), finished_at: null, report: null, error: null })
          .execute();
      }
      deps.logger.info({ runId, workflowId, days, cutoff }, 'retention run started');
      return { runId, days, cutoff, minFreePercent: settings.diskGuardMinFreePercent };
    },

    /** The oldest `batchSize` expired alarms with their deliveries, attempts and snapshot files. */
    async deleteExpiredAlarms(input: { cutoff: string; batchSize: number }): Promise<AlarmBatchResult> {
      const { alarms, counts } = await deps.db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('alarms').select(['id', 'started_at', 'updated_at']).where('started_at', '<', input.cutoff).orderBy('started_at').orderBy('id').limit(input.batchSize).execute();
        if (rows.length === 0) return { alarms: rows, counts: { deliveries: 0, attempts: 0 } };
        const ids = rows.map((row) => row.id);
        const deliveryIds = trx.selectFrom('callback_deliveries').select('id').where('alarm_id', 'in', ids);
        const attempts = await trx.deleteFrom('callback_delivery_attempts').where('delivery_id', 'in', deliveryIds).executeTakeFirst();
        const deliveries = await trx.deleteFrom('callback_deliveries').where('alarm_id', 'in', ids).executeTakeFirst();
        await trx.deleteFrom('alarms').where('id', 'in', ids).execute();
        return { alarms: rows, counts: { deliveries: Number(deliveries.numDeletedRows), attempts: Number(attempts.numDeletedRows) } };
      });
      // Files go after the rows are committed: a crash in between leaves orphan files, which the day-folder sweep removes.
      const byDay = new Map<string, Set<string>>();
      for (const alarm of alarms) {
        for (const day of alarmSnapshotDays(alarm.started_at, alarm.updated_at)) (byDay.get(day) ?? byDay.set(day, new Set()).get(day)!).add(alarm.id);
      }
      let files = 0;
      let bytes = 0;
      for (const [day, ids] of byDay) {
        const deleted = await deleteAlarmSnapshots(deps.dataDir, day, ids);
        files += deleted.files;
        bytes += deleted.bytes;
      }
      return { alarms: alarms.length, ...counts, files, bytes };
    },

    ...createRetentionMediaActivities(deps),

    async reclaimDatabaseSpace(): Promise<RetentionReport['vacuum']> {
      return reclaimDatabaseSpace(deps.db, deps.logger);
    },

    async finishRetentionRun(input: { runId: string; report: RetentionReport; error?: string }): Promise<void> {
      await deps.db
        .updateTable('retention_runs')
        .set({ state: input.error ? 'failed' : 'completed', finished_at: deps.now().toISOString(), report: JSON.stringify(input.report), error: input.error ?? null })
        .where('id', '=', input.runId)
        .execute();
      deps.logger.info({ runId: input.runId, report: input.report, error: input.error }, 'retention run finished');
    },
  };
}
