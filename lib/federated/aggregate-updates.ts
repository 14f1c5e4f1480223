import { privateMean, noisyMeanOfSum, type PrivacyParameters } from './differential-privacy';
import { fedAdamStep, type FedAdamState } from './fed-adam';
import { AggregationInputError, federatedAverage } from './fed-avg';
import { coordinateMedian, trimmedMean } from './robust-aggregation';
import { createSeededRandom } from './seeded-random';
import { strategyConflict, type AggregationStrategy } from './strategy';
import { addVectors, subtractVectors } from './weights';

export interface SiteUpdate {
  siteId: string;
  sampleCount: number;
  /** The site's locally trained weights, flattened. */
  weights: Float64Array;
}

export interface AggregationInput {
  global: Float64Array;
  strategy: AggregationStrategy;
  privacy?: PrivacyParameters | undefined;
  /** Seeds the DP noise: the same round replays the same noise. */
  noiseSeed: number;
  serverState?: FedAdamState | undefined;
}

export interface AggregationOutput {
  weights: Float64Array;
  serverState?: FedAdamState;
  /** What DP did this round (recorded with the round). */
  privacy?: { clipNorm: number; noiseMultiplier: number; noiseStd: number; clippedCount?: number };
}

/** Aggregation from individual updates (no secure aggregation): the strategy's combination, then the server step. */
export function aggregateUpdates(updates: readonly SiteUpdate[], input: AggregationInput): AggregationOutput {
  if (updates.length === 0) throw new AggregationInputError('a round needs at least one update');
  const conflict = strategyConflict(input.strategy, { privacy: input.privacy, secureAggregation: false });
  if (conflict) throw new AggregationInputError(conflict);
  // Summation order is part of the result's bits: fix it.
  const ordered = [...updates].sort((a, b) => (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0));
  const { strategy } = input;
  if (strategy.kind === 'median') return { weights: coordinateMedian(ordered.map((update) => update.weights)) };
  if (strategy.kind === 'trimmed-mean') return { weights: trimmedMean(ordered.map((update) => update.weights), strategy.beta) };

  const deltas = ordered.map((update) => ({ values: subtractVectors(update.weights, input.global), sampleCount: update.sampleCount }));
  if (input.privacy) {
    const result = privateMean(deltas.map((delta) => delta.values), input.privacy, createSeededRandom(input.noiseSeed));
    return { ...applyServerStep(input, result.mean), privacy: { ...input.privacy, noiseStd: result.noiseStd, clippedCount: result.clippedCount } };
  }
  return applyServerStep(input, federatedAverage(deltas));
}

/**
 * Aggregation from a secure (masked) sum: each site already scaled its delta (n_k/Σn, or clip(Δ)/n under DP),
 * so the decoded sum is the mean delta; DP adds its noise here, scaled by 1/n like the rest of the mean.
 */
export function aggregateSecureSum(meanDelta: Float64Array, participantCount: number, input: AggregationInput): AggregationOutput {
  const conflict = strategyConflict(input.strategy, { privacy: input.privacy, secureAggregation: true });
  if (conflict) throw new AggregationInputError(conflict);
  if (!input.privacy) return applyServerStep(input, meanDelta);
  const sum = meanDelta.map((value) => value * participantCount);
  const noisy = noisyMeanOfSum(sum, participantCount, input.privacy, createSeededRandom(input.noiseSeed));
  return { ...applyServerStep(input, noisy.mean), privacy: { ...input.privacy, noiseStd: noisy.noiseStd } };
}

/** How a site scales its delta before masking, so that the plain sum of contributions is the round's mean delta. */
export function secureContributionScale(sampleCount: number, totalSamples: number, participantCount: number, privacy: PrivacyParameters | undefined): number {
  return privacy ? 1 / participantCount : sampleCount / totalSamples;
}

function applyServerStep(input: AggregationInput, meanDelta: Float64Array): AggregationOutput {
  if (input.strategy.kind !== 'fedadam') return { weights: addVectors(input.global, meanDelta) };
  const step = fedAdamStep(input.global, meanDelta, input.serverState, input.strategy);
  return { weights: step.weights, serverState: step.state };
}
