import { assertSameLength } from './weights';

/** A client's vector (weights or a delta) and how many samples it was trained on. */
export interface SampleWeightedVector {
  values: ArrayLike<number>;
  sampleCount: number;
}

export class AggregationInputError extends Error {
  override name = 'AggregationInputError';
}

/**
 * FedAvg (McMahan et al. 2017): Σ n_k·w_k / Σ n_k. Sums in the order given (the caller sorts by site id),
 * so a replayed round produces the same bits.
 */
export function federatedAverage(updates: readonly SampleWeightedVector[]): Float64Array {
  if (updates.length === 0) throw new AggregationInputError('FedAvg needs at least one update');
  assertSameLength(...updates.map((update) => update.values));
  const total = updates.reduce((sum, update) => {
    if (!Number.isFinite(update.sampleCount) || update.sampleCount <= 0) throw new AggregationInputError(`an update with ${update.sampleCount} samples cannot be weighted`);
    return sum + update.sampleCount;
  }, 0);
  const mean = new Float64Array(updates[0]!.values.length);
  for (const { values, sampleCount } of updates) {
    const weight = sampleCount / total;
    for (let index = 0; index < mean.length; index += 1) mean[index]! += weight * values[index]!;
  }
  return mean;
}
