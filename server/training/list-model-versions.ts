import type { ModelVersion } from '../../lib/contracts/training';
import type { AppContext } from '../app-context';
import { toModelVersion } from './training-job-mapper';

/** Published versions with the metrics of the round they come from, newest first. */
export async function listModelVersions(app: Pick<AppContext, 'db'>, query: { algorithm?: string | undefined; limit: number }): Promise<ModelVersion[]> {
  let select = app.db.selectFrom('model_versions').selectAll();
  if (query.algorithm) select = select.where('algorithm', '=', query.algorithm);
  const rows = await select.orderBy('created_at', 'desc').orderBy('version', 'desc').limit(query.limit).execute();
  return rows.map(toModelVersion);
}
