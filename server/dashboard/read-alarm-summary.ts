import type { Dashboard, RecentAlarm } from '../../lib/contracts/dashboard';
import type { AppContext } from '../app-context';

/** Most counted first, then by name: the tile reads top-down. */
export function rankByType(rows: readonly { type: string; count: number | string | bigint }[]): { type: string; count: number }[] {
  return rows.map((row) => ({ type: row.type, count: Number(row.count) })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** Counts per operator verdict; a label the schema does not know cannot occur (the column is checked on write). */
export function countByVerdict(rows: readonly { label: 'true' | 'false' | null; count: number | string | bigint }[]): Dashboard['alarms']['today']['byVerdict'] {
  const counts = { true: 0, false: 0, unlabelled: 0 };
  for (const row of rows) counts[row.label ?? 'unlabelled'] += Number(row.count);
  return counts;
}

/** Alarms that started since `since` (ISO-8601 UTC), by type and by the operators' verdict. */
export async function countAlarmsByType(app: AppContext, since: string): Promise<Dashboard['alarms']['today']> {
  const [typeRows, labelRows] = await Promise.all([
    app.db.selectFrom('alarms').select((eb) => ['type', eb.fn.countAll<number | string>().as('count')]).where('started_at', '>=', since).groupBy('type').execute(),
    app.db.selectFrom('alarms').select((eb) => ['label', eb.fn.countAll<number | string>().as('count')]).where('started_at', '>=', since).groupBy('label').execute(),
  ]);
  const byType = rankByType(typeRows);
  return { since, total: byType.reduce((sum, row) => sum + row.count, 0), byType, byVerdict: countByVerdict(labelRows) };
}

/** The newest alarms with their camera's and pipeline's names (null when those were deleted since). */
export async function readRecentAlarms(app: AppContext, limit = 10): Promise<RecentAlarm[]> {
  const rows = await app.db
    .selectFrom('alarms')
    .leftJoin('cameras', 'cameras.id', 'alarms.camera_id')
    .leftJoin('pipelines', 'pipelines.id', 'alarms.pipeline_id')
    .select(['alarms.id', 'alarms.type', 'alarms.state', 'alarms.started_at', 'alarms.camera_id', 'alarms.pipeline_id', 'cameras.name as camera_name', 'pipelines.name as pipeline_name'])
    .orderBy('alarms.started_at', 'desc')
    .orderBy('alarms.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    state: row.state,
    startedAt: row.started_at,
    camera: { id: row.camera_id, name: row.camera_name },
    pipeline: { id: row.pipeline_id, name: row.pipeline_name },
  }));
}
