import type { AlarmEvent } from '../../lib/contracts/alarms';
import { normaliseCallbackUrl } from '../../lib/contracts/callback-targets';
import type { AppContext } from '../app-context';
import { ensureCallbackTarget } from '../callbacks/ensure-callback-target';
import { newId } from '../new-id';
import { findCallbackSinks } from './find-callback-sinks';

interface PendingDelivery {
  deliveryId: string;
  targetId: string;
}

/**
 * One delivery per alarm × callback target, for the callback sinks of the alarm's rule. The rows are written
 * before answering; the workflows start in the background, so a slow or absent Temporal never slows alarm
 * ingestion. A delivery Temporal could not take stays pending with the reason and can be re-driven; the
 * workflow id makes re-sent alarms (and repeated starts) harmless. Never throws: the alarm is stored already.
 */
export async function startAlarmDeliveries(app: AppContext, event: AlarmEvent, sinkNodeIds: readonly string[]): Promise<{ started: Promise<void> }> {
  const log = app.logger.child({ alarmId: event.id, pipelineId: event.pipeline.id });
  try {
    const pending = await createDeliveryRows(app, event, sinkNodeIds);
    return { started: startWorkflows(app, event.id, pending) };
  } catch (error) {
    log.error({ err: error }, 'creating alarm deliveries failed');
    return { started: Promise.resolve() };
  }
}

async function createDeliveryRows(app: AppContext, event: AlarmEvent, sinkNodeIds: readonly string[]): Promise<PendingDelivery[]> {
  const { sinks, problems } = await findCallbackSinks(app.db, event.pipeline, sinkNodeIds);
  for (const problem of problems) app.logger.warn({ alarmId: event.id, problem }, 'alarm callback sink skipped');
  const byUrl = new Map(sinks.map((sink) => [normaliseCallbackUrl(sink.url), sink]));
  const pending: PendingDelivery[] = [];
  for (const [url, sink] of byUrl) {
    const target = await ensureCallbackTarget(app, url);
    if (target.enabled !== 1) {
      app.logger.info({ alarmId: event.id, targetId: target.id }, 'callback target disabled: no delivery');
      continue;
    }
    const at = app.now().toISOString();
    await app.db
      .insertInto('callback_deliveries')
      .values({ id: newId('delivery'), alarm_id: event.id, target_id: target.id, target_url: url, timeout_seconds: sink.timeoutSeconds, state: 'pending', attempts: 0, last_status: null, last_error: null, created_at: at, updated_at: at, delivered_at: null })
      .onConflict((oc) => oc.columns(['alarm_id', 'target_id']).doNothing())
      .execute();
    const row = await app.db.selectFrom('callback_deliveries').select('id').where('alarm_id', '=', event.id).where('target_id', '=', target.id).executeTakeFirstOrThrow();
    pending.push({ deliveryId: row.id, targetId: target.id });
  }
  return pending;
}

async function startWorkflows(app: AppContext, alarmId: string, pending: PendingDelivery[]): Promise<void> {
  for (const { deliveryId, targetId } of pending) {
    try {
      const started = await app.workflows.startAlarmDelivery({ deliveryId, alarmId, targetId });
      app.logger.debug({ alarmId, deliveryId, workflowId: started.workflowId, alreadyStarted: started.alreadyStarted }, 'alarm delivery started');
    } catch (error) {
      const reason = `not started: ${error instanceof Error ? error.message : String(error)}`;
      await app.db
        .updateTable('callback_deliveries')
        .set({ last_error: reason, updated_at: app.now().toISOString() })
        .where('id', '=', deliveryId)
        .where('state', '=', 'pending')
        .execute()
        .catch((updateError: unknown) => app.logger.error({ deliveryId, err: updateError }, 'could not record why a delivery did not start'));
      app.logger.warn({ alarmId, deliveryId, err: error }, 'alarm delivery could not be started; re-drive it once Temporal is back');
    }
  }
}
