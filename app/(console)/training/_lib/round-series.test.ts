import { describe, expect, it } from 'vitest';
import type { TrainingRound } from '@/lib/contracts/training';
import { buildRoundSeries, lossDomain, toPolyline } from './round-series';

function round(n: number, accuracy: number | null, sites: Array<[string, number]>): TrainingRound {
  return {
    round: n,
    state: accuracy === null ? 'failed' : 'completed',
    attempts: 1,
    startedAt: '2026-11-25T00:00:00.000Z',
    finishedAt: '2026-11-25T00:01:00.000Z',
    selected: sites.map(([id]) => id),
    training: [],
    evaluation: sites.map(([siteId, value]) => ({ siteId, sampleCount: 10, metrics: { accuracy: value, loss: 1 - value } })),
    dropouts: [],
    metrics: accuracy === null ? null : { accuracy, loss: 1 - accuracy, sampleCount: 20 },
    model: null,
    privacy: null,
    secureAggregation: false,
  };
}

describe('buildRoundSeries', () => {
  it('orders rounds, skips global points of failed rounds and keeps each site on its own line', () => {
    const series = buildRoundSeries([round(2, 0.7, [['site-b', 0.6], ['site-a', 0.8]]), round(1, 0.5, [['site-a', 0.5]]), round(3, null, [])]);
    expect(series.accuracy).toEqual([{ round: 1, value: 0.5 }, { round: 2, value: 0.7 }]);
    expect(series.loss.map((point) => point.value)).toEqual([0.5, expect.closeTo(0.3, 9)]);
    expect(series.accuracyBySite).toEqual([
      { siteId: 'site-a', points: [{ round: 1, value: 0.5 }, { round: 2, value: 0.8 }] },
      { siteId: 'site-b', points: [{ round: 2, value: 0.6 }] },
    ]);
  });
});

describe('toPolyline', () => {
  const box = { width: 120, height: 70, padding: 10 };
  it('spreads rounds across the width and maps values upwards', () => {
    expect(toPolyline([{ round: 1, value: 0 }, { round: 3, value: 1 }], 3, { low: 0, high: 1 }, box)).toBe('10,60 110,10');
  });
  it('centres a single round and a flat domain, and clamps values outside the domain', () => {
    expect(toPolyline([{ round: 1, value: 5 }], 1, { low: 5, high: 5 }, box)).toBe('60,35');
    expect(toPolyline([{ round: 2, value: 2 }], 2, { low: 0, high: 1 }, box)).toBe('110,10');
  });
});

describe('lossDomain', () => {
  it('starts at zero with headroom over the largest loss, and never collapses', () => {
    expect(lossDomain([{ round: 1, value: 2 }, { round: 2, value: 1 }]).high).toBeCloseTo(2.2);
    expect(lossDomain([])).toEqual({ low: 0, high: 1 });
  });
});
