import { z } from 'zod';

/** Temporal's workflow view, in Vigil's words (no SDK types cross the engine port). */
export const workflowSummarySchema = z.object({
  workflowId: z.string(),
  runId: z.string(),
  type: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled', 'terminated', 'continued-as-new', 'timed-out', 'unknown']),
  startTime: z.string(),
  closeTime: z.string().nullable(),
  historyLength: z.number().int(),
});
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

export const workflowHistoryEventSchema = z.object({ eventId: z.number().int(), type: z.string(), time: z.string() });
export type WorkflowHistoryEvent = z.infer<typeof workflowHistoryEventSchema>;

export const workflowTypes = ['pipelineWorkflow', 'alarmDeliveryWorkflow', 'retentionWorkflow', 'reconcileWorkflow', 'federatedTrainingWorkflow', 'healthCheckWorkflow'] as const;

export const listWorkflowsQuerySchema = z.strictObject({
  type: z.enum(workflowTypes).optional(),
  status: z.enum(['running', 'closed']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const workflowListSchema = z.object({ items: z.array(workflowSummarySchema), temporalUiUrl: z.string().nullable() });
