import { notFound } from '../../lib/errors';
import type { Delivery, ListDeliveriesQuery } from '../../lib/contracts/deliveries';
import type { AppContext } from '../app-context';
import { toDelivery } from './delivery-mapper';

// A delivery retried for a day has a long log; the list shows its tail, which says how it is going.
const attemptsShown = 50;

/** Newest first, with each delivery's most recent attempts. */
export async function listDeliveries(app: AppContext, query: ListDeliveriesQuery): Promise<Delivery[]> {
  let select = app.db.selectFrom('callback_deliveries').selectAll();
  if (query.alarmId) select = select.where('alarm_id', '=', query.alarmId);
  if (query.targetId) select = select.where('target_id', '=', query.targetId);
  if (query.state) select = select.where('state', '=', query.state);
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  if (rows.length === 0) return [];
  const attempts = await app.db
    .selectFrom('callback_delivery_attempts')
    .selectAll()
    .where('delivery_id', 'in', rows.map((row) => row.id))
    .orderBy('delivery_id')
    .orderBy('attempt')
    .execute();
  return rows.map((row) => toDelivery(row, attempts.filter((attempt) => attempt.delivery_id === row.id).slice(-attemptsShown)));
}

export async function getDelivery(app: AppContext, id: string): Promise<Delivery> {
  const row = await app.db.selectFrom('callback_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Delivery', id);
  const attempts = await app.db.selectFrom('callback_delivery_attempts').selectAll().where('delivery_id', '=', id).orderBy('attempt').execute();
  return toDelivery(row, attempts.slice(-attemptsShown));
}
