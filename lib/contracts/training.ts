import { z } from 'zod';
import { strategyConflict } from '../federated/strategy';

const metrics = z.object({ loss: z.number(), accuracy: z.number().describe('0–1') });
const artifactRef = z.object({ uri: z.string(), sha256: z.string() });
const siteId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes (it names task queue site-<id>)');

export const aggregationStrategySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fedavg') }),
  z.strictObject({ kind: z.literal('fedprox'), mu: z.number().min(0).max(10).describe('proximal term weight μ, applied at the sites') }),
  z.strictObject({
    kind: z.literal('fedadam'),
    eta: z.number().positive().max(10).default(0.01).describe('server learning rate η'),
    beta1: z.number().min(0).max(1).default(0.9),
    beta2: z.number().min(0).max(1).default(0.99),
    tau: z.number().positive().max(1).default(1e-3),
  }),
  z.strictObject({ kind: z.literal('median') }),
  z.strictObject({ kind: z.literal('trimmed-mean'), beta: z.number().min(0).max(0.49).describe('fraction trimmed from each end per coordinate') }),
]);

export const trainingJobSpecSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).optional(),
    algorithm: z.string().min(1).max(100).describe('a trainable algorithm (e.g. mnist-mlp)'),
    sites: z.array(siteId).min(1).max(1000).refine((ids) => new Set(ids).size === ids.length, 'site ids must be unique'),
    rounds: z.number().int().min(1).max(1000),
    clientFraction: z.number().gt(0).max(1).default(1).describe('fraction C of the available sites asked each round'),
    minClients: z.number().int().min(1).default(1).describe('ask at least this many sites per round'),
    minSuccessfulUpdates: z.number().int().min(1).default(1).describe('quorum: a round needs this many updates'),
    local: z
      .strictObject({
        epochs: z.number().int().min(1).max(100).default(1),
        batchSize: z.number().int().min(1).max(4096).default(10),
        learningRate: z.number().positive().max(10).default(0.05),
      })
      .prefault({}),
    strategy: aggregationStrategySchema.default({ kind: 'fedavg' }),
    privacy: z.strictObject({ clipNorm: z.number().positive().max(1000), noiseMultiplier: z.number().min(0).max(100) }).optional().describe('DP-FedAvg: per-update clipping, Gaussian noise σ·C on the sum'),
    secureAggregation: z.boolean().default(false).describe('pairwise masks: the coordinator only sees the sum of updates'),
    target: z.strictObject({ metric: z.enum(['accuracy', 'loss']), value: z.number() }).optional().describe('stop early once the federated evaluation reaches it'),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional().describe('fixes initial weights, selection, batch order and noise; random when absent'),
    maxRoundAttempts: z.number().int().min(1).max(10).default(3).describe('a round without quorum is retried this often, then the job fails'),
    timing: z
      .strictObject({
        roundTimeoutSeconds: z.number().int().min(5).max(86_400).default(600),
        siteHeartbeatTimeoutSeconds: z.number().int().min(2).max(3600).default(30),
        sitePickupTimeoutSeconds: z.number().int().min(2).max(3600).default(60).describe('a selected site that does not start its task in time is dropped'),
        retryDelaySeconds: z.number().int().min(0).max(3600).default(10),
      })
      .prefault({}),
  })
  .superRefine((spec, ctx) => {
    if (spec.minSuccessfulUpdates > spec.sites.length) ctx.addIssue({ code: 'custom', path: ['minSuccessfulUpdates'], message: `a quorum of ${spec.minSuccessfulUpdates} cannot be met by ${spec.sites.length} sites` });
    if (spec.minClients > spec.sites.length) ctx.addIssue({ code: 'custom', path: ['minClients'], message: `cannot ask ${spec.minClients} of ${spec.sites.length} sites` });
    const conflict = strategyConflict(spec.strategy, { privacy: spec.privacy, secureAggregation: spec.secureAggregation });
    if (conflict) ctx.addIssue({ code: 'custom', path: ['strategy'], message: conflict });
  });
export type CreateTrainingJobBody = z.input<typeof trainingJobSpecSchema>;
/** The spec as stored and as the workflow receives it: defaults filled, seed fixed. */
export type TrainingJobSpec = z.output<typeof trainingJobSpecSchema> & { seed: number };

export const trainingJobStates = ['queued', 'running', 'completed', 'failed'] as const;
export type TrainingJobState = (typeof trainingJobStates)[number];

export const trainingJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  workflowId: z.string(),
  algorithm: z.string(),
  state: z.enum(trainingJobStates),
  spec: z.record(z.string(), z.unknown()).describe('the stored spec, defaults filled'),
  roundsCompleted: z.number().int(),
  stoppedEarly: z.boolean(),
  finalMetrics: metrics.nullable(),
  modelVersionId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type TrainingJob = z.infer<typeof trainingJobSchema>;

const siteMetrics = z.object({ siteId: z.string(), sampleCount: z.number().int(), metrics });

export const trainingRoundSchema = z.object({
  round: z.number().int(),
  state: z.enum(['completed', 'failed']),
  attempts: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  selected: z.array(z.string()),
  training: z.array(siteMetrics.extend({ durationMs: z.number() })).describe('per-site local training results'),
  evaluation: z.array(siteMetrics).describe('per-site federated evaluation of the new global model'),
  dropouts: z.array(z.object({ siteId: z.string(), attempt: z.number().int(), phase: z.enum(['selection', 'training', 'masking', 'evaluation']), reason: z.string() })),
  metrics: metrics.extend({ sampleCount: z.number().int() }).nullable().describe('sample-weighted federated evaluation'),
  model: artifactRef.nullable().describe('checkpoint: the global model after this round'),
  privacy: z.object({ clipNorm: z.number(), noiseMultiplier: z.number(), noiseStd: z.number(), clippedCount: z.number().int().optional() }).nullable(),
  secureAggregation: z.boolean(),
});
export type TrainingRound = z.infer<typeof trainingRoundSchema>;

export const trainingJobDetailSchema = trainingJobSchema.extend({ rounds: z.array(trainingRoundSchema) });
export type TrainingJobDetail = z.infer<typeof trainingJobDetailSchema>;

export const listTrainingJobsQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const trainingJobListSchema = z.object({ items: z.array(trainingJobSchema) });

/** Online while its last heartbeat is younger than this. */
export const siteOnlineWindowSeconds = 60;

export const siteSchema = z.object({
  id: z.string(),
  state: z.enum(['online', 'offline']),
  lastSeenAt: z.string(),
  registeredAt: z.string(),
  samples: z.number().int().describe('training samples in the site folder'),
  testSamples: z.number().int(),
  algorithms: z.array(z.string()),
  agent: z.object({ hostname: z.string(), pid: z.number().int(), version: z.string() }),
});
export type Site = z.infer<typeof siteSchema>;
export const siteListSchema = z.object({ items: z.array(siteSchema) });

export const modelVersionSchema = z.object({
  id: z.string(),
  algorithm: z.string(),
  version: z.number().int().describe('1, 2, … per algorithm'),
  jobId: z.string(),
  round: z.number().int(),
  model: artifactRef,
  metrics: metrics.extend({ sampleCount: z.number().int() }).nullable(),
  createdAt: z.string(),
  active: z.boolean().describe('the version published to deployments for its algorithm (POST /training/models/{id}/publish); at most one per algorithm'),
});
export type ModelVersion = z.infer<typeof modelVersionSchema>;
export const listModelVersionsQuerySchema = z.strictObject({ algorithm: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const modelVersionListSchema = z.object({ items: z.array(modelVersionSchema) });

/** Publishing makes a version the active one of its algorithm; the note goes to the audit log. */
export const publishModelVersionBodySchema = z.strictObject({ note: z.string().max(500).optional() });
export type PublishModelVersionBody = z.infer<typeof publishModelVersionBodySchema>;

/** Per running pipeline: asked to roll its analyzers over (`signalled`), or not reachable (`failed`, with why). */
export const modelRolloutSchema = z.object({
  pipelineId: z.string(),
  outcome: z.enum(['signalled', 'not-running', 'failed']),
  error: z.string().optional(),
});
export type ModelRollout = z.infer<typeof modelRolloutSchema>;
export const publishModelVersionResultSchema = z.object({ modelVersion: modelVersionSchema, rollout: z.array(modelRolloutSchema) });
export type PublishModelVersionResult = z.infer<typeof publishModelVersionResultSchema>;
