import { AppError, notFound } from '../../lib/errors';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';

/**
 * Starts a new run of the delivery's workflow (same id), which reopens the row and retries for a full period.
 * The workflow owns the row's state: this only starts it, so a fast delivery is never overwritten here.
 */
export async function redriveDelivery(app: AppContext, actor: Principal, id: string, ip: string | null): Promise<{ id: string; workflowId: string; redriven: true }> {
  const row = await app.db.selectFrom('callback_deliveries').select(['id', 'alarm_id', 'target_id', 'state']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Delivery', id);
  if (row.state === 'delivered') throw new AppError('conflict', `Delivery ${id} was delivered; re-driving it would send the alarm twice`);
  if (!row.target_id) throw new AppError('conflict', `Delivery ${id} predates callback targets and cannot be re-driven`);
  let started = await app.workflows.startAlarmDelivery({ deliveryId: id, alarmId: row.alarm_id, targetId: row.target_id, redrive: true });
  // Marking the row dead or failed is the run's last step: a re-drive in the instant before the run closes waits for it.
  for (let attempt = 0; started.alreadyStarted && (row.state === 'dead' || row.state === 'failed') && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    started = await app.workflows.startAlarmDelivery({ deliveryId: id, alarmId: row.alarm_id, targetId: row.target_id, redrive: true });
  }
  if (started.alreadyStarted) throw new AppError('conflict', `Delivery ${id} is still being retried (workflow ${started.workflowId})`);
  await recordAudit(app.db, { actor, action: 'delivery.redrive', resourceType: 'delivery', resourceId: id, details: { previousState: row.state, workflowId: started.workflowId }, ip, at: app.now() });
  return { id, workflowId: started.workflowId, redriven: true };
}
