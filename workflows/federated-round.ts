import { ActivityFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { TrainingActivities } from '../activities/training-activities';
import type { TrainingJobSpec, TrainingRound } from '../lib/contracts/training';
import { selectClients } from '../lib/federated/client-selection';
import type { AggregateRoundInput, ArtifactReference, TrainLocallyResult } from '../lib/federated/round-messages';
import { hasQuorum, weightedMetrics, type TrainingMetrics } from '../lib/federated/round-policy';
import { seedFrom } from '../lib/federated/seeded-random';
import { proximalMuOf } from '../lib/federated/strategy';
import type { SiteActivities } from '../training/site/site-activities';

type Dropout = TrainingRound['dropouts'][number];

export interface RoundContext {
  jobId: string;
  spec: TrainingJobSpec;
  round: number;
  model: ArtifactReference;
  serverState?: ArtifactReference | undefined;
}

export type RoundOutcome =
  | { ok: true; model: ArtifactReference; serverState?: ArtifactReference | undefined; metrics: (TrainingMetrics & { sampleCount: number }) | null; participants: number; dropouts: number }
  | { ok: false; reason: string };

// Records are idempotent DB writes: retry them as long as it takes (the database may be restarting).
const records = proxyActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '30 seconds' } });
// Aggregation reads a few MB and does arithmetic; bad input (a foreign layout, a broken artifact) will not improve on retry.
const coordinator = proxyActivities<TrainingActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['WeightLayoutError', 'AggregationInputError', 'WeightsCodecError', 'ArtifactIntegrityError', 'UnknownTrainableError', 'FixedPointRangeError'] },
});

/**
 * A site's activities run on its own queue. One attempt each: a site that does not pick its task up in time,
 * stops heartbeating or fails is dropped for this round (federated rounds expect stragglers), not waited for.
 */
function siteQueue(spec: TrainingJobSpec, siteId: string, heartbeats: boolean) {
  const { roundTimeoutSeconds, siteHeartbeatTimeoutSeconds, sitePickupTimeoutSeconds } = spec.timing;
  return proxyActivities<SiteActivities>({
    taskQueue: `site-${siteId}`,
    scheduleToStartTimeout: `${sitePickupTimeoutSeconds} seconds`,
    startToCloseTimeout: `${heartbeats ? roundTimeoutSeconds : Math.min(roundTimeoutSeconds, 2 * siteHeartbeatTimeoutSeconds)} seconds`,
    ...(heartbeats ? { heartbeatTimeout: `${siteHeartbeatTimeoutSeconds} seconds` } : {}),
    retry: { maximumAttempts: 1 },
  });
}

/** One round, retried up to maxRoundAttempts when it lacks a quorum; every attempt's dropouts are recorded. */
export async function runRound(context: RoundContext): Promise<RoundOutcome> {
  const { jobId, spec, round } = context;
  const dropouts: Dropout[] = [];
  let startedAt: string | undefined;
  let selected: string[] = [];
  let training: TrainLocallyResult[] = [];
  let reason = 'no attempt ran';
  for (let attempt = 1; attempt <= spec.maxRoundAttempts; attempt += 1) {
    if (attempt > 1) await sleep(`${spec.timing.retryDelaySeconds} seconds`);
    const available = await records.listAvailableSites({ siteIds: spec.sites, algorithm: spec.algorithm });
    startedAt ??= available.now;
    const online = new Set(available.sites.map((site) => site.siteId));
    for (const siteId of spec.sites) if (!online.has(siteId)) dropouts.push({ siteId, attempt, phase: 'selection', reason: 'offline (no heartbeat within 60 s) or cannot train this algorithm' });
    selected = selectClients([...online], { fraction: spec.clientFraction, minimum: spec.minClients }, seedFrom(spec.seed, 'select', round, attempt));
    if (!hasQuorum(selected.length, spec.minSuccessfulUpdates)) {
      reason = `only ${selected.length} sites available; the quorum is ${spec.minSuccessfulUpdates}`;
      continue;
    }

    const trained = await settle(selected, 'training', attempt, dropouts, (siteId) =>
      siteQueue(spec, siteId, true).trainLocally({
        jobId,
        round,
        algorithm: spec.algorithm,
        model: context.model,
        hyperparameters: spec.local,
        proximalMu: proximalMuOf(spec.strategy),
        seed: seedFrom(spec.seed, 'train', round, siteId),
        keepUpdatePrivate: spec.secureAggregation,
      }),
    );
    training = trained;
    if (!hasQuorum(trained.length, spec.minSuccessfulUpdates)) {
      reason = `${trained.length} of ${selected.length} sites returned an update; the quorum is ${spec.minSuccessfulUpdates}`;
      continue;
    }

    const updates = spec.secureAggregation
      ? await maskUpdates(context, trained, available.sites, attempt, dropouts)
      : trained.map((result) => ({ siteId: result.siteId, sampleCount: result.sampleCount, update: result.update! }));
    if (!updates) {
      reason = 'too few sites completed secure masking for the quorum';
      continue;
    }

    const aggregateInput: AggregateRoundInput = { jobId, round, algorithm: spec.algorithm, model: context.model, strategy: spec.strategy, privacy: spec.privacy, noiseSeed: seedFrom(spec.seed, 'noise', round), serverState: context.serverState, updates, secure: spec.secureAggregation };
    const aggregated = await coordinator.aggregateRound(aggregateInput);

    // Federated evaluation of the new model on every site online this round (held-out data stays there).
    const evaluation = await settle([...online].sort(), 'evaluation', attempt, dropouts, (siteId) =>
      siteQueue(spec, siteId, false).evaluateLocally({ jobId, round, algorithm: spec.algorithm, model: aggregated.model }),
    );
    const metrics = weightedMetrics(evaluation) ?? null;
    const usedSites = new Set(updates.map((update) => update.siteId));
    await records.recordTrainingRound({
      jobId,
      round: {
        round,
        state: 'completed',
        attempts: attempt,
        startedAt,
        selected,
        training: trained.filter((result) => usedSites.has(result.siteId)).map(({ siteId, sampleCount, metrics: local, durationMs }) => ({ siteId, sampleCount, metrics: local, durationMs })),
        evaluation,
        dropouts,
        metrics,
        model: aggregated.model,
        privacy: aggregated.privacy ?? null,
        secureAggregation: spec.secureAggregation,
      },
    });
    return { ok: true, model: aggregated.model, serverState: aggregated.serverState, metrics, participants: updates.length, dropouts: dropouts.length };
  }

  await records.recordTrainingRound({
    jobId,
    round: { round, state: 'failed', attempts: spec.maxRoundAttempts, startedAt: startedAt ?? '', selected, training: training.map(({ siteId, sampleCount, metrics, durationMs }) => ({ siteId, sampleCount, metrics, durationMs })), evaluation: [], dropouts, metrics: null, model: null, privacy: null, secureAggregation: spec.secureAggregation },
  });
  return { ok: false, reason: `round ${round} failed after ${spec.maxRoundAttempts} attempts: ${reason}` };
}

/**
 * Secure aggregation's second step: every site that trained masks its update for exactly this set of
 * participants. Masks cancel only over the full set, so when one drops here the survivors mask again.
 */
async function maskUpdates(context: RoundContext, trained: TrainLocallyResult[], sites: Array<{ siteId: string; publicKey: string }>, attempt: number, dropouts: Dropout[]) {
  const keys = new Map(sites.map((site) => [site.siteId, site.publicKey]));
  let participants = trained.map((result) => ({ siteId: result.siteId, publicKey: keys.get(result.siteId)!, sampleCount: result.sampleCount }));
  for (let masking = 0; masking < 3 && hasQuorum(participants.length, context.spec.minSuccessfulUpdates); masking += 1) {
    const ids = participants.map((participant) => participant.siteId);
    const failures: Dropout[] = [];
    const masked = await settle(ids, 'masking', attempt, failures, async (siteId) => ({
      siteId,
      update: await siteQueue(context.spec, siteId, false).maskUpdate({ jobId: context.jobId, round: context.round, maskingAttempt: attempt * 10 + masking, algorithm: context.spec.algorithm, model: context.model, participants, privacy: context.spec.privacy }),
    }));
    dropouts.push(...failures);
    if (failures.length === 0) return masked.map(({ siteId, update }) => ({ siteId, sampleCount: participants.find((participant) => participant.siteId === siteId)!.sampleCount, update }));
    participants = participants.filter((participant) => masked.some((result) => result.siteId === participant.siteId));
  }
  return undefined;
}

/** Runs one activity per site; returns the successes, in site order, and records each failure as a dropout. */
async function settle<T>(siteIds: string[], phase: Dropout['phase'], attempt: number, dropouts: Dropout[], call: (siteId: string) => Promise<T>): Promise<T[]> {
  const results = await Promise.allSettled(siteIds.map(call));
  const successes: T[] = [];
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') successes.push(result.value);
    else dropouts.push({ siteId: siteIds[index]!, attempt, phase, reason: describeFailure(result.reason) });
  });
  return successes;
}

function describeFailure(error: unknown): string {
  if (error instanceof ActivityFailure && error.cause) return `${error.cause.name}: ${error.cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
