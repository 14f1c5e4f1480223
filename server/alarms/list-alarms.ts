import { AppError, notFound } from '../../lib/errors';
import type { Alarm, ListAlarmsQuery } from '../../lib/contracts/alarms';
import { decodeCursor, encodeCursor } from '../../lib/pagination/cursor';
import type { AppContext } from '../app-context';
import { toAlarm } from './alarm-mapper';

/** Newest first, filtered, paginated by a (started_at, id) keyset cursor. */
export async function listAlarms(app: AppContext, query: ListAlarmsQuery): Promise<{ items: Alarm[]; nextCursor: string | null }> {
  let select = app.db.selectFrom('alarms').selectAll();
  if (query.cameraId) select = select.where('camera_id', '=', query.cameraId);
  if (query.pipelineId) select = select.where('pipeline_id', '=', query.pipelineId);
  if (query.type) select = select.where('type', '=', query.type);
  if (query.state) select = select.where('state', '=', query.state);
  if (query.label === 'none') select = select.where('label', 'is', null);
  else if (query.label) select = select.where('label', '=', query.label);
  if (query.from) select = select.where('started_at', '>=', new Date(query.from).toISOString());
  if (query.to) select = select.where('started_at', '<=', new Date(query.to).toISOString());
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    if (!cursor) throw new AppError('validation_failed', 'Invalid query: cursor: not a cursor from this API', [{ path: 'cursor', message: 'invalid cursor' }]);
    select = select.where((eb) => eb.or([eb('started_at', '<', cursor.t), eb.and([eb('started_at', '=', cursor.t), eb('id', '<', cursor.id)])]));
  }
  const rows = await select.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toAlarm), nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.started_at, id: last.id }) : null };
}

export async function getAlarm(app: AppContext, id: string): Promise<Alarm> {
  const row = await app.db.selectFrom('alarms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alarm', id);
  return toAlarm(row);
}
