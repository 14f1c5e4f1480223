import type { ModelVersion } from '../../lib/contracts/training';
import type { AppContext } from '../app-context';
import { toModelVersion } from './training-job-mapper';

/** Published versions with the metrics of the round they come from, newest first; `active` marks the one deployments use. */
export async function listModelVersions(app: Pick<AppContext, 'db'>, query: { algorithm?: string | undefined; limit: number }): Promise<ModelVersion[]> {
  let select = app.db
    .selectFrom('model_versions')
    .leftJoin('active_model_versions', 'active_model_versions.model_version_id', 'model_versions.id')
    .selectAll('model_versions')
    .select('active_model_versions.algorithm as active_for');
  if (query.algorithm) select = select.where('model_versions.algorithm', '=', query.algorithm);
  const rows = await select.orderBy('model_versions.created_at', 'desc').orderBy('model_versions.version', 'desc').limit(query.limit).execute();
  return rows.map((row) => toModelVersion(row, row.active_for !== null));
}
