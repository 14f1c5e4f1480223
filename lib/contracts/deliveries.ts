import { z } from 'zod';

export const deliveryStates = ['pending', 'delivered', 'failed', 'dead'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const attemptOutcomes = ['delivered', 'retry', 'rejected', 'refused', 'error'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

export const deliveryAttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  outcome: z.enum(attemptOutcomes).describe('retry: 5xx/408/429 or a network error; rejected: other 4xx/3xx; refused: URL policy'),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof deliveryAttemptSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  alarmId: z.string(),
  targetId: z.string().nullable(),
  url: z.string(),
  state: z.enum(deliveryStates).describe('pending → delivered, or failed (final answer), or dead (retry period over); failed/dead can be re-driven'),
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  timeoutSeconds: z.number().int(),
  workflowId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deliveredAt: z.string().nullable(),
  attemptLog: z.array(deliveryAttemptSchema).describe('the most recent attempts, oldest first'),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryListSchema = z.object({ items: z.array(deliverySchema) });

export const listDeliveriesQuerySchema = z.strictObject({
  alarmId: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  state: z.enum(deliveryStates).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDeliveriesQuery = z.infer<typeof listDeliveriesQuerySchema>;

export const redriveResultSchema = z.object({ id: z.string(), workflowId: z.string(), redriven: z.literal(true) });

/** The workflow id of a delivery: stable per alarm × target, so a re-sent alarm cannot start a second one. */
export function deliveryWorkflowId(alarmId: string, targetId: string): string {
  return `alarm:${alarmId}:${targetId}`;
}
