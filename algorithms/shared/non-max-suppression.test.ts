import { describe, expect, it } from 'vitest';
import { intersectionOverUnion, suppressOverlaps } from './non-max-suppression';

const box = (x: number, confidence: number) => ({ x, y: 0, width: 10, height: 10, name: 'face', confidence });

describe('suppressOverlaps', () => {
  it('keeps the best box of each overlapping cluster, up to the limit', () => {
    const kept = suppressOverlaps([box(0, 0.5), box(1, 0.9), box(50, 0.7), box(100, 0.6)], 0.3, 2);
    expect(kept.map((object) => object.confidence)).toEqual([0.9, 0.7]);
  });

  it('measures overlap as intersection over union', () => {
    expect(intersectionOverUnion(box(0, 1), box(5, 1))).toBeCloseTo(50 / 150);
    expect(intersectionOverUnion(box(0, 1), box(10, 1))).toBe(0);
  });
});
