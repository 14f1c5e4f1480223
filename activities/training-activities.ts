import type { Db } from '../db/connect';
import type { TrainingRound } from '../lib/contracts/training';
import type { AggregateRoundInput, AggregateRoundResult, ArtifactReference, SiteHeartbeat } from '../lib/federated/round-messages';
import type { Logger } from '../server/logger';
import { listAvailableSites, recordSiteHeartbeat, type AvailableSite } from '../server/training/site-registry';
import { finishTrainingJob, markTrainingJobRunning, publishModelVersion, recordTrainingRound, type FinishTrainingJobInput, type PublishModelInput } from '../server/training/training-records';
import { artifactRootOf, createFileArtifactStore, type ArtifactStore } from '../training/artifact-store';
import { aggregateRound } from '../training/coordinator/aggregate-round';
import { loadTrainable } from '../training/trainable-registry';

export interface TrainingActivityDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** Model artifacts live in `<dataDir>/artifacts` unless a store is given; site agents get the same folder (--artifacts). */
  dataDir: string;
  artifacts?: ArtifactStore;
}

/** The coordinator's activities on the platform's task queue; site work runs on `site-<id>` (training/site/). */
export function createTrainingActivities(options: TrainingActivityDeps) {
  const deps = { ...options, artifacts: options.artifacts ?? createFileArtifactStore(artifactRootOf(options.dataDir)) };
  return {
    async recordSiteHeartbeat(beat: SiteHeartbeat): Promise<void> {
      await recordSiteHeartbeat(deps.db, beat, deps.now());
    },

    /** The job's online sites, and the time: the workflow stamps the round's start with it (no clock in workflow code). */
    async listAvailableSites(input: { siteIds: string[]; algorithm: string }): Promise<{ sites: AvailableSite[]; now: string }> {
      const now = deps.now();
      return { sites: await listAvailableSites(deps.db, input, now), now: now.toISOString() };
    },

    async markTrainingJobRunning(jobId: string): Promise<void> {
      await markTrainingJobRunning(deps.db, jobId, deps.now());
    },

    /** Round 0's global model, from the job's seed: the same seed gives the same artifact. */
    async initialiseGlobalModel(input: { algorithm: string; seed: number }): Promise<ArtifactReference> {
      const trainable = await loadTrainable(input.algorithm);
      return deps.artifacts.put(trainable.serialise(trainable.initialise(input.seed)));
    },

    async aggregateRound(input: AggregateRoundInput): Promise<AggregateRoundResult> {
      const started = Date.now();
      const result = await aggregateRound(deps.artifacts, input);
      deps.logger.info({ jobId: input.jobId, round: input.round, strategy: input.strategy.kind, updates: input.updates.length, secure: input.secure, sha256: result.model.sha256, ms: Date.now() - started }, 'round aggregated');
      return result;
    },

    async recordTrainingRound(input: { jobId: string; round: Omit<TrainingRound, 'finishedAt'> }): Promise<void> {
      await recordTrainingRound(deps.db, input.jobId, { ...input.round, finishedAt: deps.now().toISOString() });
    },

    async publishModelVersion(input: PublishModelInput): Promise<{ id: string; version: number }> {
      return publishModelVersion(deps.db, input, deps.now());
    },

    async finishTrainingJob(input: FinishTrainingJobInput): Promise<void> {
      await finishTrainingJob(deps.db, input, deps.now());
    },
  };
}

export type TrainingActivities = ReturnType<typeof createTrainingActivities>;
