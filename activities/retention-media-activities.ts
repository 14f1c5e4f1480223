import { heartbeat } from '@temporalio/activity';
import type { RetentionReport } from '../lib/contracts/retention';
import { diskGuardCandidates, expiredSnapshotDays, freePercent } from '../lib/retention/retention-plan';
import { deleteSnapshotDay, listSnapshotDays } from '../server/retention/snapshot-days';
import type { RetentionActivityDeps } from './retention-activities';

/** Snapshot media by day folder: expired days, and the disk-pressure guard. */
export function createRetentionMediaActivities(deps: RetentionActivityDeps) {
  return {
    /** Whole day folders past the cutoff: catches files whose rows are gone (older crashes, manual deletes). */
    async deleteExpiredSnapshotDays(input: { cutoff: string }): Promise<{ days: string[]; files: number; bytes: number }> {
      const days = expiredSnapshotDays(await listSnapshotDays(deps.dataDir), input.cutoff);
      let files = 0;
      let bytes = 0;
      for (const day of days) {
        const deleted = await deleteSnapshotDay(deps.dataDir, day);
        files += deleted.files;
        bytes += deleted.bytes;
        heartbeat(day);
      }
      return { days, files, bytes };
    },

    /**
     * When free space on the data folder's file system is below the threshold, deletes the oldest snapshot days
     * (never today's) one by one until it is above; alarms keep their rows but lose the snapshot link.
     */
    async guardDiskSpace(input: { minFreePercent: number }): Promise<RetentionReport['diskGuard']> {
      const before = freePercent(await deps.readDiskUsage(deps.dataDir));
      const report: RetentionReport['diskGuard'] = { minFreePercent: input.minFreePercent, freePercentBefore: round(before), freePercentAfter: round(before), days: [], files: 0, bytes: 0, stillBelowThreshold: false };
      let free = before;
      const today = deps.now().toISOString().slice(0, 10);
      for (const day of diskGuardCandidates(await listSnapshotDays(deps.dataDir), today)) {
        if (free >= input.minFreePercent) break;
        const deleted = await deleteSnapshotDay(deps.dataDir, day);
        await deps.db.updateTable('alarms').set({ snapshot_path: null }).where('snapshot_path', 'like', `media/snapshots/${day}/%`).execute();
        report.days.push(day);
        report.files += deleted.files;
        report.bytes += deleted.bytes;
        free = freePercent(await deps.readDiskUsage(deps.dataDir));
        heartbeat(day);
      }
      report.freePercentAfter = round(free);
      report.stillBelowThreshold = free < input.minFreePercent;
      if (report.days.length > 0 || report.stillBelowThreshold) deps.logger.warn({ diskGuard: report }, 'disk guard deleted snapshot days to free space');
      return report;
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
