import { describe, expect, it } from 'vitest';
import type { Roi } from './roi';
import { roiFromWkt, roisFromWkt, roisToWkt } from './wkt';

const rois: Roi[] = [
  { id: 'zone', name: 'Zone', kind: 'polygon', points: [[0.08, 0.1], [0.05, 0.8], [0.8, 0.9], [0.7, 0.05]] },
  { id: 'door', name: 'Door', kind: 'line', points: [[0.1, 0.1], [0.12, 0.15], [0.2, 0.3]], direction: 'a-to-b' },
  { id: 'pump', name: 'Pump', kind: 'point', points: [[0.5, 0.25]] },
];

describe('EV WKT conversion', () => {
  it('writes the EV configuration protocol form', () => {
    expect(roisToWkt(rois)).toEqual({
      roi_type: 'polygon_1;line_1;point_1',
      polygon_1: ['POLYGON((0.08 0.1, 0.05 0.8, 0.8 0.9, 0.7 0.05, 0.08 0.1))'],
      line_1: ['LINESTRING(0.1 0.1, 0.12 0.15, 0.2 0.3)'],
      point_1: ['POINT(0.5 0.25)'],
    });
  });

  it('reads back what it wrote (geometry preserved; names become the keys)', () => {
    const back = roisFromWkt(roisToWkt(rois));
    expect(back.map((roi) => [roi.kind, roi.points])).toEqual(rois.map((roi) => [roi.kind, roi.points]));
  });

  it('reads the notes example, with spaces after the keyword and several keys', () => {
    const config = { roi_type: 'polygon_1;line_1', polygon_1: ['POLYGON((0.08 0.1,0.05 0.8,0.8 0.9,0.7 0.05,0.4 0.05))'], line_1: ['LINESTRING (0.1 0.1, 0.12 0.15, 0.2 0.3)'] };
    const regions = roisFromWkt(config);
    expect(regions[0]).toMatchObject({ id: 'polygon_1', kind: 'polygon' });
    expect(regions[0]!.points).toHaveLength(5);
    expect(regions[1]).toMatchObject({ id: 'line_1', kind: 'line', points: [[0.1, 0.1], [0.12, 0.15], [0.2, 0.3]] });
  });

  it.each([
    ['CIRCLE(0.5 0.5)', 'is not a POLYGON, LINESTRING or POINT'],
    ['POLYGON((0.1 0.1, 0.2 0.2, 0.1 0.1))', 'at least 3 points'],
    ['POINT(30 10)', 'normalised 0–1'],
    ['LINESTRING(0.1 a, 0.2 0.2)', 'is not an "x y" pair'],
  ])('rejects %s with a message naming the key', (wkt, message) => {
    expect(() => roiFromWkt(wkt, 'polygon_9')).toThrow(message);
    expect(() => roiFromWkt(wkt, 'polygon_9')).toThrow('polygon_9');
  });

  it('complains when roi_type names a missing key', () => {
    expect(() => roisFromWkt({ roi_type: 'polygon_1;line_7', polygon_1: ['POLYGON((0 0, 1 0, 1 1, 0 0))'] })).toThrow('line_7');
  });
});
