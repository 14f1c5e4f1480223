import type { Selectable } from 'kysely';
import type { CallbackDeliveriesTable, CallbackDeliveryAttemptsTable } from '../../db/schema';
import { deliveryWorkflowId, type Delivery } from '../../lib/contracts/deliveries';

export function toDelivery(row: Selectable<CallbackDeliveriesTable>, attempts: Selectable<CallbackDeliveryAttemptsTable>[]): Delivery {
  return {
    id: row.id,
    alarmId: row.alarm_id,
    targetId: row.target_id,
    url: row.target_url,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    timeoutSeconds: row.timeout_seconds,
    workflowId: deliveryWorkflowId(row.alarm_id, row.target_id ?? row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deliveredAt: row.delivered_at,
    attemptLog: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      at: attempt.at,
      outcome: attempt.outcome,
      statusCode: attempt.status_code,
      latencyMs: attempt.latency_ms,
      error: attempt.error,
    })),
  };
}
