import { ApplicationFailure } from '@temporalio/activity';
import type { Db } from '../db/connect';
import { deliveryRetryPlan, type DeliveryRetryPlan } from '../lib/callbacks/delivery-outcome';
import type { DeliveryState } from '../lib/contracts/deliveries';
import type { Logger } from '../server/logger';
import type { SecretBox } from '../server/secrets/secret-box';
import { getSettings } from '../server/settings/get-settings';
import type { ResolveHost } from '../server/callbacks/resolve-host';
import { attemptDelivery } from './attempt-delivery';

export interface DeliveryActivityDeps {
  db: Db;
  logger: Logger;
  secrets: SecretBox;
  resolveHost: ResolveHost;
  now: () => Date;
  /** Replaces parts of the retry plan derived from settings (tests shrink 24 h to seconds). */
  deliveryTiming?: Partial<DeliveryRetryPlan>;
}

export type DeliveryPlan = { kind: 'skip'; state: DeliveryState } | { kind: 'deliver'; plan: DeliveryRetryPlan };

/** Activities of the AlarmDelivery workflow; the delivery row in the database is the state they share. */
export function createDeliveryActivities(deps: DeliveryActivityDeps) {
  return {
    /**
     * Reads the retry plan (settings, the callback node's timeout). A first run finding its delivery already
     * settled is a re-sent alarm: it skips, so nothing is delivered twice. A re-drive reopens the delivery.
     */
    async prepareDelivery(input: { deliveryId: string; redrive: boolean }): Promise<DeliveryPlan> {
      const row = await deps.db.selectFrom('callback_deliveries').select(['state', 'timeout_seconds']).where('id', '=', input.deliveryId).executeTakeFirst();
      if (!row) throw ApplicationFailure.nonRetryable(`delivery ${input.deliveryId} does not exist`, 'DeliveryMissing');
      if (!input.redrive && row.state !== 'pending') return { kind: 'skip', state: row.state };
      if (input.redrive) {
        await deps.db.updateTable('callback_deliveries').set({ state: 'pending', last_error: null, updated_at: deps.now().toISOString() }).where('id', '=', input.deliveryId).execute();
      }
      const settings = await getSettings(deps.db);
      return { kind: 'deliver', plan: deliveryRetryPlan({ retryHours: settings.callbackRetryHours, timeoutSeconds: row.timeout_seconds, overrides: deps.deliveryTiming }) };
    },

    /** One attempt: policy check, DNS, signed POST, attempt recorded. Throws to make Temporal retry (or not). */
    async deliverCallback(input: { deliveryId: string }): Promise<{ attempt: number; statusCode: number }> {
      return attemptDelivery(deps, input.deliveryId);
    },

    async finishDelivery(input: { deliveryId: string; state: Exclude<DeliveryState, 'pending'>; error?: string }): Promise<void> {
      const at = deps.now().toISOString();
      const row = await deps.db.selectFrom('callback_deliveries').select(['attempts', 'last_error']).where('id', '=', input.deliveryId).executeTakeFirst();
      // Temporal reports a dead letter as a timeout; the last attempt's own error says more.
      const error = input.state === 'dead' ? `retry period over after ${row?.attempts ?? 0} attempt(s); last error: ${row?.last_error ?? input.error ?? 'none'}` : (input.error ?? null);
      await deps.db
        .updateTable('callback_deliveries')
        .set({ state: input.state, updated_at: at, ...(input.state === 'delivered' ? { delivered_at: at, last_error: null } : { last_error: error }) })
        .where('id', '=', input.deliveryId)
        .execute();
      deps.logger.info({ deliveryId: input.deliveryId, state: input.state }, 'callback delivery settled');
    },
  };
}
