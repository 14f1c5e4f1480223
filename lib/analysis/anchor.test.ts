import { describe, expect, it } from 'vitest';
import { roiNodeConfig } from '../pipeline/nodes/roi-node';
import { anchorOf, type AnchorPoint } from './anchor';

// A 40x100 px box at (100, 200) on a 1000x500 frame: horizontal centre 120 px, top 200, middle 250, bottom 300.
const box = { x: 100, y: 200, width: 40, height: 100 };
const frame = { width: 1000, height: 500 };

describe('anchorOf', () => {
  it.each<[AnchorPoint, [number, number]]>([
    ['bottom-center', [0.12, 0.6]],
    ['center', [0.12, 0.5]],
    ['top-center', [0.12, 0.4]],
  ])('puts the %s anchor at the box point %j, normalised to the frame', (anchor, [x, y]) => {
    const point = anchorOf(box, anchor, frame);
    expect(point[0]).toBeCloseTo(x, 10);
    expect(point[1]).toBeCloseTo(y, 10);
  });

  it('defaults to bottom-centre (where a person stands) when an ROI node does not choose', () => {
    const config = roiNodeConfig.parse({ regions: [{ id: 'z', kind: 'polygon', points: [[0, 0], [1, 0], [1, 1]] }] });
    expect(config.anchor).toBe('bottom-center');
    expect(roiNodeConfig.safeParse({ regions: config.regions, anchor: 'left-edge' }).success).toBe(false);
  });
});
