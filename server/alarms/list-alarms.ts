import { AppError, notFound } from '../../lib/errors';
import type { Alarm, ListAlarmsQuery } from '../../lib/contracts/alarms';
import { decodeCursor, encodeCursor } from '../../lib/pagination/cursor';
import type { AppContext } from '../app-context';
import { toAlarm } from './alarm-mapper';
import { selectAlarms } from './select-alarms';

/** Newest first, filtered, paginated by a (started_at, id) keyset cursor. */
export async function listAlarms(app: AppContext, query: ListAlarmsQuery): Promise<{ items: Alarm[]; nextCursor: string | null }> {
  const { limit, cursor: cursorText, ...filters } = query;
  let select = selectAlarms(app.db, filters);
  if (cursorText) {
    const cursor = decodeCursor(cursorText);
    if (!cursor) throw new AppError('validation_failed', 'Invalid query: cursor: not a cursor from this API', [{ path: 'cursor', message: 'invalid cursor' }]);
    select = select.where((eb) => eb.or([eb('alarms.started_at', '<', cursor.t), eb.and([eb('alarms.started_at', '=', cursor.t), eb('alarms.id', '<', cursor.id)])]));
  }
  const rows = await select.orderBy('alarms.started_at', 'desc').orderBy('alarms.id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toAlarm), nextCursor: rows.length > limit && last ? encodeCursor({ t: last.started_at, id: last.id }) : null };
}

export async function getAlarm(app: AppContext, id: string): Promise<Alarm> {
  const row = await selectAlarms(app.db, {}).where('alarms.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Alarm', id);
  return toAlarm(row);
}
