import { z } from 'zod';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** GET /api/v1/dashboard: "today" is the day in this zone (default: the console's, i.e. the server's zone). */
export const dashboardQuerySchema = z.strictObject({
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'an IANA time zone such as Europe/Berlin or Asia/Shanghai' }).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/**
 * How a camera's state is known, without probing it on every refresh: online when its relay publishes on the media
 * server or an analyzer of a running pipeline reads frames from it; offline when a pipeline that should run on it gets
 * no frames (the relay is not publishing, or its analyzer is not streaming); unknown when neither the media server nor
 * the pipeline's workflow answered; unwatched when nothing reads it (Test connection on the cameras page tells then).
 */
export const cameraStatusValues = ['online', 'offline', 'unknown', 'unwatched', 'disabled'] as const;
export type CameraStatus = (typeof cameraStatusValues)[number];
/** What the status rests on. */
export const cameraReasonValues = ['relay-publishing', 'analyzer-streaming', 'relay-reconnecting', 'relay-missing', 'analyzer-not-streaming', 'no-answer', 'not-in-running-pipeline', 'disabled'] as const;
export type CameraReason = (typeof cameraReasonValues)[number];

/** A pipeline as its workflow reports it; unknown when the workflow's status query failed or did not answer in time. */
export const pipelineStateValues = ['running', 'degraded', 'starting', 'stopping', 'stopped', 'failed', 'unknown'] as const;
export type PipelineState = (typeof pipelineStateValues)[number];

const component = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

export const systemHealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  cpu: z.object({ cores: z.number().int(), load1: z.number(), load5: z.number(), loadPerCore: z.number() }),
  memory: z.object({ totalBytes: z.number(), freeBytes: z.number(), usedRatio: z.number() }),
  disk: z.object({ path: z.string(), ok: z.boolean(), totalBytes: z.number().nullable(), freeBytes: z.number().nullable(), freeRatio: z.number().nullable(), error: z.string().optional() }),
  database: component.extend({ dialect: z.string() }),
  temporal: component.extend({ address: z.string() }),
  worker: z.object({
    state: z.enum(['polling', 'absent', 'unknown']).describe('polling: a worker polled the task queue within the last 2 minutes'),
    taskQueue: z.string(),
    pollers: z.number().int(),
    lastPollAt: z.string().nullable(),
    error: z.string().optional(),
  }),
  mediaServer: z.object({ state: z.enum(['up', 'down', 'disabled']), streams: z.number().int(), error: z.string().optional() }),
});
export type SystemHealth = z.infer<typeof systemHealthSchema>;

export const dashboardCameraSchema = z.object({ id: z.string(), name: z.string(), status: z.enum(cameraStatusValues), reason: z.enum(cameraReasonValues) });
export type DashboardCamera = z.infer<typeof dashboardCameraSchema>;

export const dashboardPipelineSchema = z.object({
  id: z.string(),
  name: z.string(),
  desiredState: z.enum(['stopped', 'running']),
  state: z.enum(pipelineStateValues),
  revision: z.number().int().nullable(),
  workloads: z.object({ ready: z.number().int(), total: z.number().int() }),
  problem: z.string().optional(),
});
export type DashboardPipeline = z.infer<typeof dashboardPipelineSchema>;

export const recentAlarmSchema = z.object({
  id: z.string(),
  type: z.string(),
  state: z.enum(['start', 'update', 'end']),
  startedAt: z.string(),
  camera: z.object({ id: z.string(), name: z.string().nullable() }),
  pipeline: z.object({ id: z.string(), name: z.string().nullable() }),
});
export type RecentAlarm = z.infer<typeof recentAlarmSchema>;

export const dashboardSchema = z.object({
  generatedAt: z.string(),
  timeZone: z.string(),
  cameras: z.object({
    total: z.number().int(),
    counts: z.record(z.enum(cameraStatusValues), z.number().int()),
    /** Cameras that need a look (offline first), at most 20. */
    attention: z.array(dashboardCameraSchema),
  }),
  pipelines: z.object({
    total: z.number().int(),
    counts: z.record(z.enum(pipelineStateValues), z.number().int()),
    /** Deployed pipelines (and any whose workflow still runs), at most 200. */
    items: z.array(dashboardPipelineSchema),
  }),
  alarms: z.object({
    today: z.object({
      since: z.string().describe('start of today in timeZone, ISO-8601 UTC'),
      total: z.number().int(),
      byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
      /** Operators' verdicts on today's alarms (what federated training learns from): confirmed, false, not yet labelled. */
      byVerdict: z.object({ true: z.number().int(), false: z.number().int(), unlabelled: z.number().int() }),
    }),
    recent: z.array(recentAlarmSchema),
  }),
  health: systemHealthSchema,
});
export type Dashboard = z.infer<typeof dashboardSchema>;
