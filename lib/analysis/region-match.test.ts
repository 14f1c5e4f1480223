import { describe, expect, it } from 'vitest';
import type { Roi } from '../geometry/roi';
import type { Point } from './geometry';
import { zoneContaining } from './region-match';
import { RuleEvaluator } from './rule-evaluator';
import type { TrackedObject } from './tracked-object';

const spot = (radius?: number): Roi => ({ id: 'spot', name: '', kind: 'point', points: [[0.5, 0.5]], ...(radius === undefined ? {} : { radius }) });

describe('zoneContaining, point regions', () => {
  it.each<[string, Point, boolean]>([
    ['at the point', [0.5, 0.5], true],
    ['diagonally within the radius (0.071)', [0.55, 0.55], true],
    ['just inside the radius (0.09)', [0.5, 0.59], true],
    ['just outside the radius (0.11)', [0.59, 0.56], false],
    ['far away', [0.9, 0.1], false],
  ])('with radius 0.1, an anchor %s (%j) matches: %s', (_where, anchor, matches) => {
    expect(zoneContaining(anchor, [spot(0.1)])?.id).toBe(matches ? 'spot' : undefined);
  });

  it('uses a radius of 0.05 when the point sets none', () => {
    expect(zoneContaining([0.5, 0.54], [spot()])?.id).toBe('spot');
    expect(zoneContaining([0.5, 0.56], [spot()])).toBeUndefined();
    // The configured radius is what counts: the same anchor matches a wider point.
    expect(zoneContaining([0.5, 0.56], [spot(0.2)])?.id).toBe('spot');
  });

  it('never matches a line, and returns the first zone that contains the anchor', () => {
    const line: Roi = { id: 'line', name: '', kind: 'line', points: [[0, 0.5], [1, 0.5]] };
    const square: Roi = { id: 'square', name: '', kind: 'polygon', points: [[0.4, 0.4], [0.6, 0.4], [0.6, 0.6], [0.4, 0.6]] };
    expect(zoneContaining([0.5, 0.5], [line])).toBeUndefined();
    expect(zoneContaining([0.5, 0.5], [line, square, spot(0.1)])?.id).toBe('square');
    expect(zoneContaining([0.5, 0.68], [line, square, spot(0.2)])?.id).toBe('spot');
  });

  it('alarms for an object standing near a point region, not for one farther away than its radius', () => {
    const frame = { width: 1000, height: 1000 };
    // Bottom-centre anchors: (0.52, 0.54) is 0.045 from the point; (0.5, 0.65) is 0.15 from it.
    const standing = (trackId: number, [x, y]: Point): TrackedObject => ({ label: 'person', score: 0.9, box: { x: x * 1000 - 20, y: y * 1000 - 100, width: 40, height: 100 }, trackId, firstSeen: 0 });
    const rule = { labels: ['person'], minScore: 0.5, dwellSeconds: 0, cooldownSeconds: 0, minCount: 1, schedule: undefined, regions: [spot(0.1)], anchor: 'bottom-center' as const };
    const near = new RuleEvaluator(rule, frame).evaluate(0, [standing(1, [0.52, 0.54])]);
    expect(near).toMatchObject([{ state: 'start', region: { id: 'spot', kind: 'point' }, objects: [{ trackId: 1 }] }]);
    expect(new RuleEvaluator(rule, frame).evaluate(0, [standing(2, [0.5, 0.65])])).toEqual([]);
  });
});
