import { performance } from 'node:perf_hooks';
import { ApplicationFailure } from '@temporalio/activity';
import { judgeResponseStatus, retryAfterMs } from '../lib/callbacks/delivery-outcome';
import { signatureHeaders } from '../lib/callbacks/sign-payload';
import { checkCallbackUrl, checkResolvedAddresses } from '../lib/callbacks/url-policy';
import type { AttemptOutcome } from '../lib/contracts/deliveries';
import { postCallback } from '../server/callbacks/post-callback';
import { newId } from '../server/new-id';
import { getSettings } from '../server/settings/get-settings';
import type { DeliveryActivityDeps } from './delivery-activities';

// A receiver's Retry-After may slow retries down, but not beyond this.
const maxRetryAfterMs = 3_600_000;

interface AttemptRecord {
  outcome: AttemptOutcome;
  statusCode?: number;
  latencyMs?: number;
  error?: string;
}

/** One delivery attempt, recorded whatever happens; the thrown failure's type tells the workflow why it stopped. */
export async function attemptDelivery(deps: DeliveryActivityDeps, deliveryId: string): Promise<{ attempt: number; statusCode: number }> {
  const delivery = await deps.db.selectFrom('callback_deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirst();
  if (!delivery) throw ApplicationFailure.nonRetryable(`delivery ${deliveryId} does not exist`, 'DeliveryMissing');
  const attempt = delivery.attempts + 1;
  const record = (entry: AttemptRecord) => recordAttempt(deps, deliveryId, attempt, entry);
  const fail = async (entry: AttemptRecord & { error: string }, type: string, retryable: boolean, nextRetryDelay?: number) => {
    await record(entry);
    throw ApplicationFailure.create({ message: entry.error, type, nonRetryable: !retryable, ...(nextRetryDelay ? { nextRetryDelay } : {}) });
  };

  const alarm = await deps.db.selectFrom('alarms').select(['id', 'event']).where('id', '=', delivery.alarm_id).executeTakeFirst();
  if (!alarm) return fail({ outcome: 'error', error: `alarm ${delivery.alarm_id} no longer exists (retention)` }, 'AlarmMissing', false);
  const target = delivery.target_id ? await deps.db.selectFrom('callback_targets').selectAll().where('id', '=', delivery.target_id).executeTakeFirst() : undefined;
  if (!target) return fail({ outcome: 'error', error: `callback target ${delivery.target_id ?? '(none)'} was deleted` }, 'TargetMissing', false);
  if (target.enabled !== 1) return fail({ outcome: 'error', error: `callback target ${target.id} is disabled` }, 'TargetDisabled', false);

  // The policy is read at every attempt: tightening it stops retries that are already under way.
  const { callbackPolicy } = await getSettings(deps.db);
  const checked = checkCallbackUrl(delivery.target_url, callbackPolicy);
  if (!checked.allowed) return fail({ outcome: 'refused', error: `refused by the callback URL policy: ${checked.reason}` }, 'CallbackUrlRefused', false);
  let addresses: string[];
  try {
    addresses = checked.literal ? [checked.host] : await deps.resolveHost(checked.host);
  } catch (error) {
    return fail({ outcome: 'retry', error: `DNS lookup of ${checked.host} failed: ${describe(error)}` }, 'CallbackUnreachable', true);
  }
  const resolved = checkResolvedAddresses(checked.host, addresses, callbackPolicy);
  if (!resolved.allowed) return fail({ outcome: 'refused', error: `refused by the callback URL policy: ${resolved.reason}` }, 'CallbackUrlRefused', false);

  const body = alarm.event;
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Vigil-Callback/1',
    'x-vigil-delivery-id': deliveryId,
    ...(await signatureHeaders({ secret: deps.secrets.decrypt(target.secret_encrypted), eventId: alarm.id, timestampSeconds: Math.floor(deps.now().getTime() / 1000), body })),
  };
  const started = performance.now();
  let response;
  try {
    response = await postCallback({ url: delivery.target_url, body, headers, timeoutMs: delivery.timeout_seconds * 1000, addresses });
  } catch (error) {
    return fail({ outcome: 'retry', latencyMs: elapsed(started), error: `request failed: ${describe(error)}` }, 'CallbackUnreachable', true);
  }
  const latencyMs = elapsed(started);
  const verdict = judgeResponseStatus(response.status);
  if (verdict === 'delivered') {
    await record({ outcome: 'delivered', statusCode: response.status, latencyMs });
    return { attempt, statusCode: response.status };
  }
  const error = `HTTP ${response.status}${response.bodyExcerpt ? `: ${response.bodyExcerpt.slice(0, 200)}` : ''}`;
  if (verdict === 'retry') {
    const delay = retryAfterMs(response.retryAfter, deps.now().getTime(), maxRetryAfterMs);
    return fail({ outcome: 'retry', statusCode: response.status, latencyMs, error }, 'CallbackUnavailable', true, delay);
  }
  return fail({ outcome: 'rejected', statusCode: response.status, latencyMs, error }, 'CallbackRejected', false);
}

async function recordAttempt(deps: DeliveryActivityDeps, deliveryId: string, attempt: number, entry: AttemptRecord): Promise<void> {
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('callback_delivery_attempts')
      .values({ id: newId('deliveryAttempt'), delivery_id: deliveryId, attempt, at, outcome: entry.outcome, status_code: entry.statusCode ?? null, latency_ms: entry.latencyMs ?? null, error: entry.error ?? null })
      .execute();
    await trx
      .updateTable('callback_deliveries')
      .set({ attempts: attempt, last_status: entry.statusCode ?? null, last_error: entry.error ?? null, updated_at: at })
      .where('id', '=', deliveryId)
      .execute();
  });
  deps.logger.debug({ deliveryId, attempt, outcome: entry.outcome, statusCode: entry.statusCode }, 'callback attempt');
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error && typeof error.code === 'string' ? ` (${error.code})` : '';
  return `${error.message}${code}`;
}
