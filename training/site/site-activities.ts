import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Context } from '@temporalio/activity';
import { secureContributionScale } from '../../lib/federated/aggregate-updates';
import { clipToNorm } from '../../lib/federated/differential-privacy';
import { encodeFixedPoint } from '../../lib/federated/fixed-point';
import type { EvaluateLocallyInput, EvaluateLocallyResult, MaskUpdateInput, TrainLocallyInput, TrainLocallyResult, ArtifactReference } from '../../lib/federated/round-messages';
import { maskContribution } from '../../lib/federated/secure-aggregation';
import { assertSameLayout, flattenWeights, layoutOf, subtractVectors } from '../../lib/federated/weights';
import { encodeBundle } from '../../lib/federated/weights-codec';
import type { Logger } from '../../server/logger';
import type { ArtifactStore } from '../artifact-store';
import type { Trainable } from '../trainable';
import { loadTrainable } from '../trainable-registry';
import { readPrivateRound, readPrivateUpdate, savePrivateRound } from './private-updates';
import { derivePeerSeeds, type SiteKeys } from './site-keys';

export interface SiteActivityDeps {
  siteId: string;
  /** The site's own folder: its data, its key, its private updates. */
  dataDir: string;
  artifacts: ArtifactStore;
  keys: SiteKeys;
  logger: Logger;
}

const heartbeatEveryMs = 500;

/** The activities a site agent serves on task queue `site-<id>`. Results carry references and numbers, never weights. */
export function createSiteActivities(deps: SiteActivityDeps) {
  const dataCache = new Map<string, Promise<unknown>>();
  // Data is read once per split: rounds reuse the decoded arrays.
  const dataOf = (trainable: Trainable, split: 'train' | 'test') => {
    const key = `${trainable.name}:${split}`;
    if (!dataCache.has(key)) dataCache.set(key, trainable.loadData(deps.dataDir, split));
    return dataCache.get(key)!;
  };
  const loadModel = async (trainable: Trainable, ref: ArtifactReference) => trainable.deserialise(await deps.artifacts.get(ref));

  return {
    async trainLocally(input: TrainLocallyInput): Promise<TrainLocallyResult> {
      const done = await readPrivateRound(deps.dataDir, input.jobId, input.round);
      if (done && done.modelSha256 === input.model.sha256) return done.result;
      const started = Date.now();
      const trainable = await loadTrainable(input.algorithm);
      const context = Context.current();
      const global = await loadModel(trainable, input.model);
      const data = await dataOf(trainable, 'train');
      // Loading (tfjs, the data, the model) can take seconds on a busy site: say so before the first batch.
      context.heartbeat({ fraction: 0 });
      let lastBeat = Date.now();
      const trained = await trainable.trainLocally(global, data, {
        ...input.hyperparameters,
        proximalMu: input.proximalMu,
        seed: input.seed,
        onProgress: async (fraction) => {
          if (Date.now() - lastBeat < heartbeatEveryMs) return;
          lastBeat = Date.now();
          context.heartbeat({ fraction });
          // Training is synchronous tfjs work: yield so heartbeats and cancellation get through.
          await yieldToEventLoop();
          if (context.cancellationSignal.aborted) throw context.cancellationSignal.reason;
        },
      });
      const bytes = trainable.serialise(trained.weights);
      const update = input.keepUpdatePrivate ? undefined : await deps.artifacts.put(bytes);
      const result: TrainLocallyResult = { siteId: deps.siteId, sampleCount: trained.sampleCount, metrics: trained.metrics, ...(update ? { update } : {}), durationMs: Date.now() - started };
      await savePrivateRound(deps.dataDir, input.jobId, input.round, { modelSha256: input.model.sha256, result }, bytes);
      deps.logger.info({ jobId: input.jobId, round: input.round, sampleCount: result.sampleCount, ...result.metrics, durationMs: result.durationMs }, 'local training done');
      return result;
    },

    /** Secure aggregation, second step: scale the delta, encode it in the fixed-point ring and add the pairwise masks. */
    async maskUpdate(input: MaskUpdateInput): Promise<ArtifactReference> {
      const trainable = await loadTrainable(input.algorithm);
      const global = await loadModel(trainable, input.model);
      const local = trainable.deserialise(await readPrivateUpdate(deps.dataDir, input.jobId, input.round));
      assertSameLayout(layoutOf(global), layoutOf(local), `site ${deps.siteId}'s update`);
      const self = input.participants.find((participant) => participant.siteId === deps.siteId);
      if (!self) throw new Error(`site ${deps.siteId} is not among the participants it was asked to mask for`);
      if (self.publicKey !== deps.keys.publicKey) throw new Error(`site ${deps.siteId}'s key changed since it registered; masks would not cancel`);
      let delta = subtractVectors(flattenWeights(local), flattenWeights(global));
      if (input.privacy) delta = clipToNorm(delta, input.privacy.clipNorm).values;
      const totalSamples = input.participants.reduce((sum, participant) => sum + participant.sampleCount, 0);
      const scale = secureContributionScale(self.sampleCount, totalSamples, input.participants.length, input.privacy);
      const peers = derivePeerSeeds(deps.keys, deps.siteId, input, input.participants);
      const masked = maskContribution(encodeFixedPoint(delta.map((value) => value * scale)), deps.siteId, peers);
      return deps.artifacts.put(encodeBundle({ kind: 'masked-update', tensors: [{ name: 'masked', shape: [masked.length], values: masked }], meta: { round: input.round, maskingAttempt: input.maskingAttempt } }));
    },

    async evaluateLocally(input: EvaluateLocallyInput): Promise<EvaluateLocallyResult> {
      const trainable = await loadTrainable(input.algorithm);
      const data = await dataOf(trainable, 'test');
      const metrics = await trainable.evaluate(await loadModel(trainable, input.model), data);
      return { siteId: deps.siteId, sampleCount: trainable.sampleCount(data), metrics };
    },
  };
}

export type SiteActivities = ReturnType<typeof createSiteActivities>;
