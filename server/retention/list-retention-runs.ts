import { notFound } from '../../lib/errors';
import type { RetentionRun } from '../../lib/contracts/retention';
import type { AppContext } from '../app-context';
import { toRetentionRun } from './retention-run-mapper';

export async function listRetentionRuns(app: AppContext, limit: number): Promise<RetentionRun[]> {
  const rows = await app.db.selectFrom('retention_runs').selectAll().orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toRetentionRun);
}

export async function getRetentionRun(app: AppContext, id: string): Promise<RetentionRun> {
  const row = await app.db.selectFrom('retention_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Retention run', id);
  return toRetentionRun(row);
}
