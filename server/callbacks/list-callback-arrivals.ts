import type { CallbackArrival } from '../../lib/contracts/callback-arrivals';
import type { AppContext } from '../app-context';

export async function listCallbackArrivals(app: AppContext, limit: number): Promise<CallbackArrival[]> {
  const rows = await app.db.selectFrom('callback_arrivals').selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    receivedAt: row.received_at,
    verified: row.verified === 1,
    targetId: row.target_id,
    reason: row.reason,
    eventId: row.event_id,
    headers: JSON.parse(row.headers) as Record<string, string>,
    body: row.body,
    bodyBytes: row.body_bytes,
  }));
}
