import { z } from 'zod';

const count = z.number().int().min(0);

/** What one retention run deleted and reclaimed. */
export const retentionReportSchema = z.object({
  alarms: count.describe('alarm rows deleted'),
  deliveries: count.describe('callback delivery rows deleted with them'),
  attempts: count.describe('delivery attempt rows deleted with them'),
  batches: count,
  snapshotFiles: count.describe('snapshot files deleted (of expired alarms, and in expired day folders)'),
  snapshotBytes: count,
  snapshotDays: z.array(z.string()).describe('whole day folders deleted because the day is past the cutoff'),
  diskGuard: z.object({
    minFreePercent: z.number(),
    freePercentBefore: z.number().nullable(),
    freePercentAfter: z.number().nullable(),
    days: z.array(z.string()).describe('day folders deleted, oldest first, to free disk space'),
    files: count,
    bytes: count,
    stillBelowThreshold: z.boolean(),
  }),
  vacuum: z
    .object({
      dialect: z.enum(['sqlite', 'postgres']),
      method: z.string().describe('incremental_vacuum, vacuum (one-time switch to incremental), or VACUUM (ANALYZE)'),
      bytesReclaimed: z.number().int().nullable().describe('returned to the file system; null where the database does not say'),
      durationMs: z.number(),
    })
    .nullable(),
});
export type RetentionReport = z.infer<typeof retentionReportSchema>;

export const retentionTriggers = ['schedule', 'api', 'clean-data'] as const;
export type RetentionTrigger = (typeof retentionTriggers)[number];
export const retentionStates = ['queued', 'running', 'completed', 'failed'] as const;
export type RetentionState = (typeof retentionStates)[number];

export const retentionRunSchema = z.object({
  id: z.string(),
  workflowId: z.string(),
  trigger: z.enum(retentionTriggers),
  days: z.number().int().nullable().describe('null until the run has read the retentionDays setting'),
  cutoff: z.string().nullable(),
  state: z.enum(retentionStates),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  report: retentionReportSchema.nullable(),
  error: z.string().nullable(),
});
export type RetentionRun = z.infer<typeof retentionRunSchema>;

export const retentionRunListSchema = z.object({ items: z.array(retentionRunSchema) });

export const listRetentionRunsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

const daysSchema = z.number().int().min(1).max(3650);

export const startRetentionRunBodySchema = z.strictObject({
  days: daysSchema.optional().describe('keep this many days; defaults to the retentionDays setting'),
});
export type StartRetentionRunBody = z.infer<typeof startRetentionRunBodySchema>;

/** The seed platform's GET /api/algo-tool/cleanData?days=n. */
export const cleanDataQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(3650).default(30),
});
