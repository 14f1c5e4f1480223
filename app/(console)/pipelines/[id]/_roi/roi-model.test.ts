import { describe, expect, it } from 'vitest';
import type { Roi } from '@/lib/geometry/roi';
import { clampPoint, deleteSelected, isSameSpot, moveVertex, newRegion } from './roi-model';

const square: Roi = { id: 'region-1', name: 'Area 1', kind: 'polygon', points: [[0.1, 0.1], [0.5, 0.1], [0.5, 0.5], [0.1, 0.5]] };

describe('roi model', () => {
  it('names new regions per kind and gives lines a direction', () => {
    const line = newRegion([square], 'line', [[0, 0], [1, 1]]);
    expect(line).toEqual({ id: 'region-2', name: 'Line 1', kind: 'line', points: [[0, 0], [1, 1]], direction: 'both' });
    expect(newRegion([square, line], 'polygon', square.points).name).toBe('Area 2');
    expect(newRegion([square], 'point', [[0.5, 0.5]], { polygon: '区域', line: '线', point: '点' }).name).toBe('点 1');
  });

  it('deletes a vertex, or the whole region when it would fall below the minimum', () => {
    const [fewer] = deleteSelected([square], { regionId: 'region-1', vertex: 0 });
    expect(fewer!.points).toHaveLength(3);
    expect(deleteSelected([fewer!], { regionId: 'region-1', vertex: 0 })).toEqual([]);
    expect(deleteSelected([square], { regionId: 'region-1', vertex: null })).toEqual([]);
  });

  it('keeps moved vertices inside the frame, rounded to 4 decimals', () => {
    expect(moveVertex([square], 'region-1', 2, [1.3, 0.123456])[0]!.points[2]).toEqual([1, 0.1235]);
    expect(clampPoint([-0.2, 0.5])).toEqual([0, 0.5]);
  });

  it('treats clicks a few pixels apart as one spot (a double-click adds one vertex)', () => {
    expect(isSameSpot([0.5, 0.5], [0.502, 0.501])).toBe(true);
    expect(isSameSpot([0.5, 0.5], [0.52, 0.5])).toBe(false);
    expect(isSameSpot(undefined, [0.5, 0.5])).toBe(false);
  });
});
