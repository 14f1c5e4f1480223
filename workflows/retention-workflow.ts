import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities, RetentionRunStart } from '../activities';
import type { RetentionReport, RetentionTrigger } from '../lib/contracts/retention';
import { addAlarmBatch, addExpiredDays, emptyRetentionReport } from '../lib/retention/retention-report';

export interface RetentionInput {
  trigger: RetentionTrigger;
  /** Given when the web app created the run record (API, cleanData); scheduled runs get one from their first activity. */
  runId?: string;
  days?: number;
  batchSize?: number;
  /** Batches before continue-as-new (tests make it small to exercise the hand-over). */
  batchesPerRun?: number;
  /** Carried over continue-as-new: the run already begun and what it deleted so far. */
  carried?: { run: RetentionRunStart; report: RetentionReport };
}

export interface RetentionResult {
  runId: string;
  report: RetentionReport;
}

const defaultBatchSize = 500;
// Each batch adds a handful of history events: start afresh long before Temporal's history limits.
const defaultBatchesPerRun = 200;

// Row and run-record work: each call is bounded by a batch, retried if the database is briefly busy.
const { beginRetentionRun, deleteExpiredAlarms, finishRetentionRun } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumAttempts: 5 },
});
// Folder deletion, the disk guard and VACUUM can take long on a big install: they heartbeat or get a long bound.
const { deleteExpiredSnapshotDays, guardDiskSpace } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumAttempts: 3 },
});
const { reclaimDatabaseSpace } = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  retry: { initialInterval: '1 minute', maximumAttempts: 2 },
});

/**
 * DESIGN.md §5 Retention (id `retention:<runId>`, or the `retention` schedule's): expired alarms with their
 * deliveries and snapshots in batches, whole expired day folders, the disk-pressure guard, then reclaiming
 * database space. The run record says what was deleted, or why the run failed.
 */
export async function retentionWorkflow(input: RetentionInput): Promise<RetentionResult> {
  const batchSize = input.batchSize ?? defaultBatchSize;
  const batchesPerRun = input.batchesPerRun ?? defaultBatchesPerRun;
  const run = input.carried?.run ?? (await beginRetentionRun({ runId: input.runId, trigger: input.trigger, days: input.days }));
  let report = input.carried?.report ?? emptyRetentionReport(run.minFreePercent);
  let finishedRows = false;
  try {
    for (let batch = 0; batch < batchesPerRun && !finishedRows; batch += 1) {
      const deleted = await deleteExpiredAlarms({ cutoff: run.cutoff, batchSize });
      if (deleted.alarms > 0) report = addAlarmBatch(report, deleted);
      finishedRows = deleted.alarms < batchSize;
    }
    if (finishedRows) {
      report = addExpiredDays(report, await deleteExpiredSnapshotDays({ cutoff: run.cutoff }));
      report = { ...report, diskGuard: await guardDiskSpace({ minFreePercent: run.minFreePercent }) };
      report = { ...report, vacuum: await reclaimDatabaseSpace() };
    }
  } catch (error) {
    await finishRetentionRun({ runId: run.runId, report, error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) });
    throw error;
  }
  if (!finishedRows) return continueAsNew<typeof retentionWorkflow>({ ...input, carried: { run, report } });
  await finishRetentionRun({ runId: run.runId, report });
  return { runId: run.runId, report };
}
