import { describe, expect, it } from 'vitest';
import { aggregateSecureSum, aggregateUpdates, secureContributionScale } from './aggregate-updates';
import { selectClients } from './client-selection';
import { partitionByLabelShards, partitionIid } from './partition';
import { hasQuorum, reachedTarget, weightedMetrics } from './round-policy';
import { createSeededRandom, seedFrom } from './seeded-random';
import { strategyConflict } from './strategy';
import { decodeBundle, encodeBundle, decodeWeights, encodeWeights } from './weights-codec';
import { flattenWeights, unflattenWeights, assertSameLayout, layoutOf } from './weights';

describe('client selection', () => {
  const sites = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10'];

  it('takes max(minimum, ⌈C·n⌉), sorted, the same for the same seed', () => {
    const chosen = selectClients(sites, { fraction: 0.3, minimum: 2 }, 99);
    expect(chosen).toHaveLength(3);
    expect([...chosen].sort()).toEqual(chosen);
    expect(selectClients(sites, { fraction: 0.3, minimum: 2 }, 99)).toEqual(chosen);
    expect(selectClients(sites, { fraction: 0.1, minimum: 4 }, 1)).toHaveLength(4);
    expect(selectClients(['a', 'b'], { fraction: 0.5, minimum: 3 }, 1)).toEqual(['a', 'b']);
  });

  it('different rounds pick different subsets', () => {
    const picks = new Set(Array.from({ length: 10 }, (_, round) => selectClients(sites, { fraction: 0.3, minimum: 1 }, seedFrom(7, round)).join()));
    expect(picks.size).toBeGreaterThan(5);
  });
});

describe('quorum, early stopping, federated metrics', () => {
  it('quorum is at least the minimum of successful updates', () => {
    expect(hasQuorum(2, 2)).toBe(true);
    expect(hasQuorum(1, 2)).toBe(false);
  });

  it('accuracy is reached at ≥ target, loss at ≤ target, nothing without a target', () => {
    expect(reachedTarget({ loss: 0.4, accuracy: 0.9 }, { metric: 'accuracy', value: 0.9 })).toBe(true);
    expect(reachedTarget({ loss: 0.4, accuracy: 0.89 }, { metric: 'accuracy', value: 0.9 })).toBe(false);
    expect(reachedTarget({ loss: 0.4, accuracy: 0 }, { metric: 'loss', value: 0.5 })).toBe(true);
    expect(reachedTarget({ loss: 0.4, accuracy: 1 }, undefined)).toBe(false);
  });

  it('weights site metrics by their sample counts: (100·0.9 + 300·0.5) / 400 = 0.6', () => {
    expect(weightedMetrics([{ sampleCount: 100, metrics: { loss: 1, accuracy: 0.9 } }, { sampleCount: 300, metrics: { loss: 2, accuracy: 0.5 } }])).toEqual({ loss: 1.75, accuracy: 0.6, sampleCount: 400 });
    expect(weightedMetrics([])).toBeUndefined();
  });
});

describe('aggregateUpdates (the strategies end to end)', () => {
  const global = Float64Array.from([1, 1]);
  const updates = [
    { siteId: 'b', sampleCount: 3, weights: Float64Array.from([3, 7]) },
    { siteId: 'a', sampleCount: 1, weights: Float64Array.from([1, 3]) },
  ];

  it('FedAvg and FedProx: global + weighted mean delta = [2.5, 6]', () => {
    expect(Array.from(aggregateUpdates(updates, { global, strategy: { kind: 'fedavg' }, noiseSeed: 1 }).weights)).toEqual([2.5, 6]);
    expect(Array.from(aggregateUpdates(updates, { global, strategy: { kind: 'fedprox', mu: 0.1 }, noiseSeed: 1 }).weights)).toEqual([2.5, 6]);
  });

  it('median of three and trimmed mean ignore the outlier', () => {
    const three = [...updates, { siteId: 'c', sampleCount: 1, weights: Float64Array.from([100, -100]) }];
    expect(Array.from(aggregateUpdates(three, { global, strategy: { kind: 'median' }, noiseSeed: 1 }).weights)).toEqual([3, 3]);
  });

  it('FedAdam returns its new server state', () => {
    const result = aggregateUpdates(updates, { global, strategy: { kind: 'fedadam', eta: 0.1, beta1: 0.9, beta2: 0.99, tau: 1e-3 }, noiseSeed: 1 });
    expect(result.serverState?.m[0]).toBeCloseTo(0.15, 12);
  });

  it('the secure path gives the FedAvg result from the sum of pre-scaled deltas', () => {
    const total = 4;
    const sum = Float64Array.from([0, 0]);
    for (const update of updates) {
      const scale = secureContributionScale(update.sampleCount, total, 2, undefined);
      update.weights.forEach((value, index) => (sum[index]! += scale * (value - global[index]!)));
    }
    expect(Array.from(aggregateSecureSum(sum, 2, { global, strategy: { kind: 'fedavg' }, noiseSeed: 1 }).weights)).toEqual([2.5, 6]);
  });

  it('names the combinations it refuses', () => {
    expect(strategyConflict({ kind: 'median' }, { secureAggregation: true })).toMatch(/secure aggregation/);
    expect(strategyConflict({ kind: 'trimmed-mean', beta: 0.1 }, { secureAggregation: false, privacy: { clipNorm: 1, noiseMultiplier: 1 } })).toMatch(/differential privacy/);
    expect(() => aggregateUpdates(updates, { global, strategy: { kind: 'median' }, privacy: { clipNorm: 1, noiseMultiplier: 1 }, noiseSeed: 1 })).toThrow(/differential privacy/);
  });
});

describe('partitions', () => {
  it('IID: disjoint, complete, balanced', () => {
    const parts = partitionIid(10, 3, 5);
    expect(parts.map((part) => part.length)).toEqual([4, 3, 3]);
    expect(parts.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('non-IID shards: each part holds few labels', () => {
    const labels = Array.from({ length: 600 }, (_, index) => index % 10);
    const parts = partitionByLabelShards(labels, 5, 2, 3);
    for (const part of parts) {
      expect(part).toHaveLength(120);
      expect(new Set(part.map((index) => labels[index])).size).toBeLessThanOrEqual(4);
    }
    expect(new Set(parts.flat()).size).toBe(600);
  });
});

describe('weights codec and layout', () => {
  const weights = [
    { name: 'dense/kernel', shape: [2, 3], values: Float32Array.from([1, 2, 3, 4, 5, 6]) },
    { name: 'dense/bias', shape: [3], values: Float32Array.from([0.5, -0.5, 0]) },
  ];

  it('round-trips weights and float64 bundles through bytes', () => {
    expect(decodeWeights(encodeWeights(weights))).toEqual(weights);
    const masked = { kind: 'masked-update' as const, tensors: [{ name: 'masked', shape: [3], values: Float64Array.from([2 ** 51, 1, 0]) }], meta: { siteId: 'a' } };
    expect(decodeBundle(encodeBundle(masked))).toEqual(masked);
    expect(() => decodeWeights(encodeBundle(masked))).toThrow(/expected a weights artifact/);
  });

  it('flattens and rebuilds; names a layout mismatch', () => {
    const flat = flattenWeights(weights);
    expect(Array.from(flat)).toEqual([1, 2, 3, 4, 5, 6, 0.5, -0.5, 0]);
    expect(unflattenWeights(layoutOf(weights), flat)).toEqual(weights);
    expect(() => assertSameLayout(layoutOf(weights), [{ name: 'dense/kernel', shape: [3, 2] }, { name: 'dense/bias', shape: [3] }], 'site x')).toThrow(/site x: tensor 0 is dense\/kernel \[3, 2\]/);
  });

  it('the seeded generator is reproducible and roughly uniform', () => {
    const a = createSeededRandom(seedFrom('job', 1));
    const b = createSeededRandom(seedFrom('job', 1));
    const draws = Array.from({ length: 10_000 }, () => a.nextFloat());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.nextFloat()));
    expect(draws.reduce((sum, value) => sum + value, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
