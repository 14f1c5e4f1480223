import type { Db } from '../../db/connect';
import type { AlarmFilters } from '../../lib/contracts/alarms';

/**
 * Alarms matching the filters, with the labelling user's name: the one query the list, the detail and the CSV
 * export build on (so that an exported file holds exactly what the filtered list shows). Columns are qualified
 * because users share names with alarms (id, created_at…).
 */
export function selectAlarms(db: Db, filters: AlarmFilters) {
  let select = db.selectFrom('alarms').leftJoin('users', 'users.id', 'alarms.labeled_by').selectAll('alarms').select('users.username as labeled_by_username');
  if (filters.cameraId) select = select.where('alarms.camera_id', '=', filters.cameraId);
  if (filters.pipelineId) select = select.where('alarms.pipeline_id', '=', filters.pipelineId);
  if (filters.algorithmId) select = select.where('alarms.algorithm_id', '=', filters.algorithmId);
  if (filters.type) select = select.where('alarms.type', '=', filters.type);
  if (filters.state) select = select.where('alarms.state', '=', filters.state);
  if (filters.status === 'open') select = select.where('alarms.state', '!=', 'end');
  else if (filters.status === 'closed') select = select.where('alarms.state', '=', 'end');
  if (filters.label === 'none') select = select.where('alarms.label', 'is', null);
  else if (filters.label) select = select.where('alarms.label', '=', filters.label);
  if (filters.from) select = select.where('alarms.started_at', '>=', new Date(filters.from).toISOString());
  if (filters.to) select = select.where('alarms.started_at', '<=', new Date(filters.to).toISOString());
  return select;
}
