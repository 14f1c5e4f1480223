import { AggregationInputError } from './fed-avg';
import type { SeededRandom } from './seeded-random';
import { assertSameLength, l2Norm } from './weights';

/** DP-FedAvg (McMahan et al. 2018) parameters: per-update L2 bound C and noise multiplier σ (std = σ·C on the sum). */
export interface PrivacyParameters {
  clipNorm: number;
  noiseMultiplier: number;
}

/** Scales a delta down to L2 norm ≤ C; the norm before clipping is returned for the round's record. */
export function clipToNorm(delta: ArrayLike<number>, clipNorm: number): { values: Float64Array; norm: number; clipped: boolean } {
  if (!(clipNorm > 0)) throw new AggregationInputError(`clip norm must be positive, got ${clipNorm}`);
  const norm = l2Norm(delta);
  const scale = norm > clipNorm ? clipNorm / norm : 1;
  return { values: Float64Array.from({ length: delta.length }, (_, index) => delta[index]! * scale), norm, clipped: scale < 1 };
}

/** Adds N(0, std²) to every coordinate; the generator is seeded by the caller so a replayed round adds the same noise. */
export function addGaussianNoise(vector: ArrayLike<number>, std: number, random: SeededRandom): Float64Array {
  return Float64Array.from({ length: vector.length }, (_, index) => vector[index]! + std * random.nextGaussian());
}

export interface PrivateMean {
  mean: Float64Array;
  clippedCount: number;
  /** Std of the noise added to each coordinate of the sum (σ·C). */
  noiseStd: number;
}

/**
 * (Σ clip(Δ_k) + N(0, σ²C²)) / n. Unweighted: with sample weights one site's influence, and so the
 * sensitivity the noise is calibrated to, would no longer be bounded by C.
 */
export function privateMean(deltas: ReadonlyArray<ArrayLike<number>>, { clipNorm, noiseMultiplier }: PrivacyParameters, random: SeededRandom): PrivateMean {
  if (deltas.length === 0) throw new AggregationInputError('a private mean needs at least one update');
  assertSameLength(...deltas);
  const sum = new Float64Array(deltas[0]!.length);
  let clippedCount = 0;
  for (const delta of deltas) {
    const clipped = clipToNorm(delta, clipNorm);
    if (clipped.clipped) clippedCount += 1;
    for (let index = 0; index < sum.length; index += 1) sum[index]! += clipped.values[index]!;
  }
  return { ...noisyMeanOfSum(sum, deltas.length, { clipNorm, noiseMultiplier }, random), clippedCount };
}

/** The server half when sites clipped their own deltas (secure aggregation): noise on the sum, then ÷ n. */
export function noisyMeanOfSum(sum: ArrayLike<number>, count: number, { clipNorm, noiseMultiplier }: PrivacyParameters, random: SeededRandom): { mean: Float64Array; noiseStd: number } {
  const noiseStd = noiseMultiplier * clipNorm;
  const noisy = addGaussianNoise(sum, noiseStd, random);
  return { mean: noisy.map((value) => value / count), noiseStd };
}
