import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DeliveryState } from '../lib/contracts/deliveries';

export interface AlarmDeliveryInput {
  deliveryId: string;
  /** Set by POST /deliveries/{id}/redrive: reopens a settled delivery instead of skipping it. */
  redrive?: boolean;
}

export interface AlarmDeliveryResult {
  deliveryId: string;
  state: DeliveryState;
  skipped: boolean;
  error?: string;
}

// Database bookkeeping: quick, and retried briefly if the database is busy.
const { prepareDelivery, finishDelivery } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 10 },
});

/**
 * DESIGN.md §5 AlarmDelivery, one per alarm × callback target (id `alarm:<alarmId>:<targetId>`). Temporal's
 * activity retry is the backoff: each attempt is one POST; a final answer (4xx other than 408/429, a refused
 * URL) stops it at once, and the schedule-to-close timeout ends the retry period, after which it is dead.
 */
export async function alarmDeliveryWorkflow(input: AlarmDeliveryInput): Promise<AlarmDeliveryResult> {
  const prepared = await prepareDelivery({ deliveryId: input.deliveryId, redrive: input.redrive ?? false });
  if (prepared.kind === 'skip') return { deliveryId: input.deliveryId, state: prepared.state, skipped: true };
  const { plan } = prepared;
  // The retry profile depends on settings and the callback node, so the proxy is made per run.
  const { deliverCallback } = proxyActivities<Activities>({
    startToCloseTimeout: plan.attemptTimeoutMs,
    scheduleToCloseTimeout: plan.retryPeriodMs,
    retry: { initialInterval: plan.initialIntervalMs, backoffCoefficient: 2, maximumInterval: plan.maximumIntervalMs },
  });
  try {
    await deliverCallback({ deliveryId: input.deliveryId });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    // Non-retryable: the receiver or the policy gave a final answer. Anything else: the retry period ran out.
    const state = error.retryState === 'NON_RETRYABLE_FAILURE' ? 'failed' : 'dead';
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    await finishDelivery({ deliveryId: input.deliveryId, state, error: reason });
    return { deliveryId: input.deliveryId, state, skipped: false, error: reason };
  }
  await finishDelivery({ deliveryId: input.deliveryId, state: 'delivered' });
  return { deliveryId: input.deliveryId, state: 'delivered', skipped: false };
}
