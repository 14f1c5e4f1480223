import type { RetentionReport } from '../contracts/retention';

/** Pure helpers the Retention workflow folds its activities' results with (no I/O: workflow sandbox). */
export function emptyRetentionReport(minFreePercent: number): RetentionReport {
  return {
    alarms: 0,
    deliveries: 0,
    attempts: 0,
    batches: 0,
    snapshotFiles: 0,
    snapshotBytes: 0,
    snapshotDays: [],
    diskGuard: { minFreePercent, freePercentBefore: null, freePercentAfter: null, days: [], files: 0, bytes: 0, stillBelowThreshold: false },
    vacuum: null,
  };
}

export function addAlarmBatch(report: RetentionReport, batch: { alarms: number; deliveries: number; attempts: number; files: number; bytes: number }): RetentionReport {
  return {
    ...report,
    alarms: report.alarms + batch.alarms,
    deliveries: report.deliveries + batch.deliveries,
    attempts: report.attempts + batch.attempts,
    batches: report.batches + 1,
    snapshotFiles: report.snapshotFiles + batch.files,
    snapshotBytes: report.snapshotBytes + batch.bytes,
  };
}

export function addExpiredDays(report: RetentionReport, swept: { days: string[]; files: number; bytes: number }): RetentionReport {
  return { ...report, snapshotDays: swept.days, snapshotFiles: report.snapshotFiles + swept.files, snapshotBytes: report.snapshotBytes + swept.bytes };
}
