import { ApplicationFailure, CancellationScope, ContinueAsNew, continueAsNew, defineQuery, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { TrainingActivities } from '../activities/training-activities';
import type { TrainingJobSpec } from '../lib/contracts/training';
import type { ArtifactReference } from '../lib/federated/round-messages';
import { reachedTarget, type TrainingMetrics } from '../lib/federated/round-policy';
import { runRound } from './federated-round';

export interface RoundSummary {
  round: number;
  loss: number | null;
  accuracy: number | null;
  participants: number;
  dropouts: number;
}

/** What a run hands the next one at continue-as-new (the model travels by reference). */
interface CarriedState {
  nextRound: number;
  model: ArtifactReference;
  serverState?: ArtifactReference | undefined;
  metrics: (TrainingMetrics & { sampleCount: number }) | null;
  history: RoundSummary[];
}

export interface FederatedTrainingInput {
  jobId: string;
  spec: TrainingJobSpec;
  carried?: CarriedState;
}

export interface FederatedTrainingResult {
  jobId: string;
  roundsCompleted: number;
  stoppedEarly: boolean;
  model: ArtifactReference;
  metrics: TrainingMetrics | null;
  modelVersion: { id: string; version: number };
  history: RoundSummary[];
}

export const trainingProgressQuery = defineQuery<{ nextRound: number; history: RoundSummary[] }>('trainingProgress');

const records = proxyActivities<TrainingActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '30 seconds' } });
const setup = proxyActivities<TrainingActivities>({ startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['UnknownTrainableError'] } });

// Keeps each run's history small: a round is ~30 events, so 25 rounds stay far below the limits.
const roundsPerRun = 25;

/**
 * `training:<jobId>`: rounds of selection → local training at the sites → aggregation → federated evaluation
 * → checkpoint row, until the round budget or the target metric; then a model version is published.
 * A coordinator crash loses nothing: Temporal replays the history and completed activities are not re-run.
 */
export async function federatedTrainingWorkflow(input: FederatedTrainingInput): Promise<FederatedTrainingResult> {
  const { jobId, spec } = input;
  let state: CarriedState;
  if (input.carried) {
    state = input.carried;
  } else {
    await records.markTrainingJobRunning(jobId);
    state = { nextRound: 1, model: await setup.initialiseGlobalModel({ algorithm: spec.algorithm, seed: spec.seed }), metrics: null, history: [] };
  }
  setHandler(trainingProgressQuery, () => ({ nextRound: state.nextRound, history: state.history }));

  let stoppedEarly = false;
  let roundsThisRun = 0;
  try {
    while (state.nextRound <= spec.rounds) {
      const outcome = await runRound({ jobId, spec, round: state.nextRound, model: state.model, serverState: state.serverState });
      if (!outcome.ok) throw ApplicationFailure.nonRetryable(outcome.reason, 'TrainingRoundFailed');
      state = {
        nextRound: state.nextRound + 1,
        model: outcome.model,
        serverState: outcome.serverState,
        metrics: outcome.metrics,
        history: [...state.history, { round: state.nextRound, loss: outcome.metrics?.loss ?? null, accuracy: outcome.metrics?.accuracy ?? null, participants: outcome.participants, dropouts: outcome.dropouts }],
      };
      if (outcome.metrics && reachedTarget(outcome.metrics, spec.target)) {
        stoppedEarly = state.nextRound <= spec.rounds;
        break;
      }
      roundsThisRun += 1;
      if (state.nextRound <= spec.rounds && (roundsThisRun >= roundsPerRun || workflowInfo().continueAsNewSuggested)) {
        await continueAsNew<typeof federatedTrainingWorkflow>({ jobId, spec, carried: state });
      }
    }
  } catch (error) {
    if (error instanceof ContinueAsNew) throw error;
    // The job row must not stay "running" whatever ended the run (a failed round, a broken artifact, a cancel).
    const reason = error instanceof Error ? error.message : String(error);
    await CancellationScope.nonCancellable(() => records.finishTrainingJob({ jobId, state: 'failed', roundsCompleted: state.nextRound - 1, stoppedEarly: false, finalMetrics: state.metrics, modelVersionId: null, error: reason }));
    throw error;
  }

  const roundsCompleted = state.nextRound - 1;
  const modelVersion = await records.publishModelVersion({ jobId, algorithm: spec.algorithm, round: roundsCompleted, model: state.model, metrics: state.metrics });
  const finalMetrics = state.metrics ? { loss: state.metrics.loss, accuracy: state.metrics.accuracy } : null;
  await records.finishTrainingJob({ jobId, state: 'completed', roundsCompleted, stoppedEarly, finalMetrics, modelVersionId: modelVersion.id, error: null });
  return { jobId, roundsCompleted, stoppedEarly, model: state.model, metrics: finalMetrics, modelVersion, history: state.history };
}
