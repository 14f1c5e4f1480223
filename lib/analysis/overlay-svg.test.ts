import { describe, expect, it } from 'vitest';
import { buildOverlaySvg } from './overlay-svg';

describe('buildOverlaySvg', () => {
  it('draws regions in pixels and boxes with label, track id and score, escaping text', () => {
    const svg = buildOverlaySvg(
      { width: 200, height: 100 },
      [{ label: 'a<b', score: 0.876, box: { x: 10, y: 20, width: 30, height: 40 }, trackId: 3 }],
      [{ id: 'z', name: '', kind: 'polygon', points: [[0, 0], [0.5, 0], [0.5, 0.5]] }, { id: 'l', name: '', kind: 'line', points: [[0, 1], [1, 1]] }],
    );
    expect(svg).toContain('<polygon points="0.0,0.0 100.0,0.0 100.0,50.0"');
    expect(svg).toContain('<polyline points="0.0,100.0 200.0,100.0"');
    expect(svg).toContain('<rect x="10" y="20" width="30" height="40"');
    expect(svg).toContain('a&#60;b #3 0.88');
  });
});
