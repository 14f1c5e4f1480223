import { describe, expect, it } from 'vitest';
import { distance, pointInPolygon, segmentsIntersect, sideOfLine, type Point } from './geometry';

const square: Point[] = [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8]];
const concave: Point[] = [[0, 0], [1, 0], [1, 1], [0.5, 0.4], [0, 1]];

describe('geometry', () => {
  it('tells inside from outside, edges counting as inside, concave polygons included', () => {
    expect(pointInPolygon([0.5, 0.5], square)).toBe(true);
    expect(pointInPolygon([0.9, 0.5], square)).toBe(false);
    expect(pointInPolygon([0.2, 0.5], square)).toBe(true);
    expect(pointInPolygon([0.5, 0.8], concave)).toBe(false);
    expect(pointInPolygon([0.5, 0.2], concave)).toBe(true);
  });

  it('gives the screen side of a directed line (y down)', () => {
    // Walking down the screen (a above b), the right hand points to smaller x.
    expect(sideOfLine([0.3, 0.5], [0.5, 0], [0.5, 1])).toBe(1);
    expect(sideOfLine([0.7, 0.5], [0.5, 0], [0.5, 1])).toBe(-1);
    expect(sideOfLine([0.5, 0.5], [0.5, 0], [0.5, 1])).toBe(0);
  });

  it('intersects segments', () => {
    expect(segmentsIntersect([0.4, 0.5], [0.6, 0.5], [0.5, 0], [0.5, 1])).toBe(true);
    expect(segmentsIntersect([0.4, 0.5], [0.45, 0.5], [0.5, 0], [0.5, 1])).toBe(false);
    expect(segmentsIntersect([0.4, 1.2], [0.6, 1.2], [0.5, 0], [0.5, 1])).toBe(false);
    expect(distance([0, 0], [0.3, 0.4])).toBeCloseTo(0.5);
  });
});
