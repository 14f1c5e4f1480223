import { describe, expect, it } from 'vitest';
import { clipToNorm, privateMean } from './differential-privacy';
import { fedAdamStep } from './fed-adam';
import { AggregationInputError, federatedAverage } from './fed-avg';
import { proximalGradient, proximalTerm } from './fed-prox';
import { coordinateMedian, trimmedMean } from './robust-aggregation';
import { createSeededRandom } from './seeded-random';

const list = (vector: ArrayLike<number>) => Array.from(vector);

describe('FedAvg', () => {
  it('weights each update by its sample count: (1·[1,2] + 3·[3,6]) / 4 = [2.5, 5]', () => {
    expect(list(federatedAverage([{ values: [1, 2], sampleCount: 1 }, { values: [3, 6], sampleCount: 3 }]))).toEqual([2.5, 5]);
  });

  it('equal counts give the plain mean; a lone update is returned as is', () => {
    expect(list(federatedAverage([{ values: [0, 4], sampleCount: 7 }, { values: [2, 0], sampleCount: 7 }]))).toEqual([1, 2]);
    expect(list(federatedAverage([{ values: [0.25, -1], sampleCount: 5 }]))).toEqual([0.25, -1]);
  });

  it('rejects no updates, zero samples and mismatched lengths by name', () => {
    expect(() => federatedAverage([])).toThrow(AggregationInputError);
    expect(() => federatedAverage([{ values: [1], sampleCount: 0 }])).toThrow(/0 samples/);
    expect(() => federatedAverage([{ values: [1], sampleCount: 1 }, { values: [1, 2], sampleCount: 1 }])).toThrow(/1 and 2 values/);
  });
});

describe('FedProx client term', () => {
  it('μ/2·‖w − w_t‖²: μ = 0.5, w − w_t = [1, 0, 2] → 0.25·5 = 1.25, gradient μ·(w − w_t) = [0.5, 0, 1]', () => {
    expect(proximalTerm([1, 2, 3], [0, 2, 1], 0.5)).toBe(1.25);
    expect(list(proximalGradient([1, 2, 3], [0, 2, 1], 0.5))).toEqual([0.5, 0, 1]);
  });

  it('vanishes at the global model and for μ = 0', () => {
    expect(proximalTerm([1, 2], [1, 2], 0.3)).toBe(0);
    expect(proximalTerm([5, 2], [1, 2], 0)).toBe(0);
  });
});

describe('FedAdam (Reddi et al. 2021)', () => {
  const parameters = { eta: 0.1, beta1: 0.9, beta2: 0.99, tau: 1e-3 };

  it('first step from m = 0, v = τ²: m = [0.01, −0.02], v = [1.0099e−4, 4.0099e−4], x = [1.0905028, 1.9048739]', () => {
    const { weights, state } = fedAdamStep([1, 2], [0.1, -0.2], undefined, parameters);
    expect(state.m[0]).toBeCloseTo(0.01, 12);
    expect(state.m[1]).toBeCloseTo(-0.02, 12);
    expect(state.v[0]).toBeCloseTo(1.0099e-4, 12);
    expect(state.v[1]).toBeCloseTo(4.0099e-4, 12);
    expect(weights[0]).toBeCloseTo(1.0905028, 6);
    expect(weights[1]).toBeCloseTo(1.9048739, 6);
  });

  it('carries its moments into the next round: second delta [0.1, 0.2] → x = [1.2159863, 1.9117160]', () => {
    const first = fedAdamStep([1, 2], [0.1, -0.2], undefined, parameters);
    const second = fedAdamStep(first.weights, [0.1, 0.2], first.state, parameters);
    expect(second.state.m[0]).toBeCloseTo(0.019, 12);
    expect(second.state.m[1]).toBeCloseTo(0.002, 12);
    expect(second.weights[0]).toBeCloseTo(1.2159863, 6);
    expect(second.weights[1]).toBeCloseTo(1.911716, 6);
  });
});

describe('robust aggregation', () => {
  it('coordinate median: odd count takes the middle, even count the mean of the two middles', () => {
    expect(list(coordinateMedian([[1, 10], [3, -5], [2, 0]]))).toEqual([2, 0]);
    expect(list(coordinateMedian([[1], [4], [2], [100]]))).toEqual([3]);
  });

  it('median ignores one poisoned site among three', () => {
    expect(list(coordinateMedian([[0.1, 0.2], [0.12, 0.18], [1e6, -1e6]]))).toEqual([0.12, 0.18]);
  });

  it('trimmed mean drops ⌊β·n⌋ from each end: β = 0.2 of [1,2,3,4,100] → 3; β = 0.25 of [1,4,2,100] → 3; β = 0 is the mean', () => {
    expect(list(trimmedMean([[1], [2], [3], [4], [100]], 0.2))).toEqual([3]);
    expect(list(trimmedMean([[1], [4], [2], [100]], 0.25))).toEqual([3]);
    expect(list(trimmedMean([[1], [2], [6]], 0))).toEqual([3]);
    expect(() => trimmedMean([[1]], 0.5)).toThrow(/0 ≤ β < 0.5/);
  });
});

describe('differential privacy', () => {
  it('clips [3, 4] (norm 5) to C = 1 → [0.6, 0.8], and leaves a short vector alone', () => {
    const clipped = clipToNorm([3, 4], 1);
    expect(list(clipped.values)).toEqual([0.6000000000000001, 0.8]);
    expect(clipped).toMatchObject({ norm: 5, clipped: true });
    expect(clipToNorm([3, 4], 10)).toMatchObject({ norm: 5, clipped: false });
    expect(list(clipToNorm([3, 4], 10).values)).toEqual([3, 4]);
  });

  it('σ = 0: the mean of clipped deltas, unweighted: ([0.6, 0.8] + [0, 1]) / 2 = [0.3, 0.9]', () => {
    const result = privateMean([[3, 4], [0, 1]], { clipNorm: 1, noiseMultiplier: 0 }, createSeededRandom(1));
    expect(result.mean[0]).toBeCloseTo(0.3, 15);
    expect(result.mean[1]).toBeCloseTo(0.9, 15);
    expect(result).toMatchObject({ clippedCount: 1, noiseStd: 0 });
  });

  it('adds N(0, (σC)²) to the sum: over 20,000 coordinates the mean\'s noise has std σC/n, and a seed replays it', () => {
    const zeros = [new Float64Array(20_000), new Float64Array(20_000)];
    const parameters = { clipNorm: 2, noiseMultiplier: 1.5 };
    const result = privateMean(zeros, parameters, createSeededRandom(42));
    const mean = list(result.mean).reduce((sum, value) => sum + value, 0) / result.mean.length;
    const std = Math.sqrt(list(result.mean).reduce((sum, value) => sum + (value - mean) ** 2, 0) / result.mean.length);
    expect(result.noiseStd).toBe(3);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(std).toBeGreaterThan(1.5 * 0.97);
    expect(std).toBeLessThan(1.5 * 1.03);
    expect(list(privateMean(zeros, parameters, createSeededRandom(42)).mean)).toEqual(list(result.mean));
  });
});
