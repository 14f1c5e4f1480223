import { z } from 'zod';

const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** What the published alarm-verifier model (docs/decisions/0010) made of the event's snapshot crop. */
export const alarmVerificationSchema = z.object({
  modelVersionId: z.string().describe('the model version that scored it (GET /api/v1/training/models)'),
  score: z.number().min(0).max(1).describe('the verifier\'s probability that this is a true alarm'),
  verdict: z.enum(['true', 'false']).describe('true alarm when score ≥ 0.5'),
});
export type AlarmVerification = z.infer<typeof alarmVerificationSchema>;

/** The alarm event v1 of DESIGN.md §4.3: what analyzers emit, what is stored and what callbacks receive. */
export const alarmEventSchema = z.object({
  id: z.string().regex(/^alm_[a-z0-9]{4,40}$/, 'an alarm id such as alm_…'),
  version: z.literal(1),
  type: z.string().min(1).max(100),
  state: z.enum(['start', 'update', 'end']),
  time: z.iso.datetime({ offset: true }),
  pipeline: z.object({ id: z.string(), name: z.string(), revision: z.number().int().positive() }),
  camera: z.object({ id: z.string(), name: z.string() }),
  algorithm: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  objects: z.array(z.object({ label: z.string(), score: z.number().min(0).max(1), box, trackId: z.union([z.string(), z.number()]).optional() })),
  region: z.object({ id: z.string(), kind: z.enum(['polygon', 'line', 'point']) }).optional(),
  snapshot: z.object({ url: z.string(), width: z.number().int(), height: z.number().int() }).optional(),
  /** Absent when no verifier model is published, or the analyzer could not load it (its /stats says why). */
  verification: alarmVerificationSchema.optional(),
});
export type AlarmEvent = z.infer<typeof alarmEventSchema>;

export const alarmSchema = z.object({
  id: z.string(),
  pipelineId: z.string(),
  pipelineRevision: z.number().int(),
  cameraId: z.string(),
  algorithmId: z.string(),
  type: z.string(),
  state: z.enum(['start', 'update', 'end']),
  startedAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable(),
  label: z.enum(['true', 'false']).nullable().describe('an operator\'s verdict: true alarm or false alarm; null = not labelled'),
  labeledBy: z.object({ id: z.string(), username: z.string().nullable() }).nullable().describe('who set the label (username null when the user was deleted)'),
  labeledAt: z.string().nullable(),
  event: alarmEventSchema,
});
export type Alarm = z.infer<typeof alarmSchema>;

/** Open: the incident is still going (start/update); closed: it ended. */
export const alarmStatuses = ['open', 'closed'] as const;
export type AlarmStatus = (typeof alarmStatuses)[number];

const isoTime = z.iso.datetime({ offset: true });

/** The filters shared by the list and the CSV export. */
const alarmFilterFields = {
  cameraId: z.string().max(100).optional(),
  pipelineId: z.string().max(100).optional(),
  algorithmId: z.string().max(100).optional(),
  type: z.string().max(100).optional(),
  state: z.enum(['start', 'update', 'end']).optional(),
  status: z.enum(alarmStatuses).optional().describe('open: not ended yet (start/update); closed: ended'),
  /** `none` = not yet labelled by an operator. */
  label: z.enum(['true', 'false', 'none']).optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
};

const fromNotAfterTo: [(q: { from?: string | undefined; to?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (q) => !q.from || !q.to || new Date(q.from) <= new Date(q.to),
  { message: '"from" must not be after "to"', path: ['from'] },
];

export const listAlarmsQuerySchema = z
  .strictObject({
    ...alarmFilterFields,
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .refine(...fromNotAfterTo);
export type ListAlarmsQuery = z.infer<typeof listAlarmsQuerySchema>;
export type AlarmFilters = Omit<ListAlarmsQuery, 'limit' | 'cursor'>;

/** The most rows one CSV export holds; narrow the filters (time range) for more. */
export const alarmExportMaxRows = 50_000;

export const exportAlarmsQuerySchema = z
  .strictObject({
    ...alarmFilterFields,
    limit: z.coerce.number().int().min(1).max(alarmExportMaxRows).default(alarmExportMaxRows).describe(`at most this many rows, newest first (at most ${alarmExportMaxRows})`),
  })
  .refine(...fromNotAfterTo);
export type ExportAlarmsQuery = z.infer<typeof exportAlarmsQuerySchema>;

/** An operator's verdict on an alarm; null clears it. Labelled alarms feed the alarm-verifier training. */
export const setAlarmLabelBodySchema = z.strictObject({ label: z.enum(['true', 'false']).nullable() });
export type SetAlarmLabelBody = z.infer<typeof setAlarmLabelBodySchema>;

export const alarmPageSchema = z.object({ items: z.array(alarmSchema), nextCursor: z.string().nullable() });

/** What an analyzer posts for each incident transition: the event and, optionally, its annotated snapshot. */
export const ingestAlarmEventBodySchema = z.strictObject({
  event: alarmEventSchema.omit({ snapshot: true }),
  /** Annotated JPEG, base64; stored under the data folder and served at /api/v1/alarms/{id}/snapshot. */
  snapshotJpegBase64: z.string().max(8_000_000).regex(/^[A-Za-z0-9+/]+=*$/, 'base64').optional(),
  snapshotSize: z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  /** The rule's event sinks (RuleSpec.sinkNodeIds): the platform re-reads their config from the revision and starts callback deliveries. */
  sinkNodeIds: z.array(z.string().min(1).max(64)).max(50).optional(),
});
export type IngestAlarmEventBody = z.infer<typeof ingestAlarmEventBodySchema>;
