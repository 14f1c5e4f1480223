import type { Selectable } from 'kysely';
import type { RetentionRunsTable } from '../../db/schema';
import type { RetentionReport, RetentionRun } from '../../lib/contracts/retention';

export function toRetentionRun(row: Selectable<RetentionRunsTable>): RetentionRun {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    trigger: row.trigger,
    days: row.days,
    cutoff: row.cutoff,
    state: row.state,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    report: row.report ? (JSON.parse(row.report) as RetentionReport) : null,
    error: row.error,
  };
}
