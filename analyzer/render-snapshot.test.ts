import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Roi } from '../lib/geometry/roi';
import { renderSnapshot } from './render-snapshot';

const width = 320;
const height = 240;
const background = [24, 28, 32] as const;
/** A uniform dark RGB24 frame, as the frame reader hands it over. */
const darkFrame = () => ({ data: Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => background[i % 3]!)), width, height });

// The box (track 0: red) sits left of centre; the polygon (yellow outline, faint fill) in the top-right corner.
const box = { x: 60, y: 80, width: 100, height: 120 };
const corner: Roi = { id: 'z', name: '', kind: 'polygon', points: [[0.7, 0.1], [0.95, 0.1], [0.95, 0.5], [0.7, 0.5]] };

async function decode(jpeg: Buffer) {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  return { info, at };
}
/** Sum of absolute channel differences from the background. */
const offBackground = (pixel: number[]) => pixel.reduce((sum, value, channel) => sum + Math.abs(value - background[channel]!), 0);

describe('renderSnapshot', () => {
  it('draws the boxes and regions onto the frame as a JPEG of the frame size, leaving the rest of the frame alone', async () => {
    const jpeg = await renderSnapshot(darkFrame(), [{ label: 'person', score: 0.9, box, trackId: 0 }], [corner]);
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
    const { info, at } = await decode(jpeg);
    expect(info).toMatchObject({ format: 'raw', width, height, channels: 3 });

    // The box outline (3 px, red #ff4d4f) on each of its four sides.
    for (const [x, y] of [[box.x, 140], [box.x + box.width, 140], [110, box.y + box.height], [110, box.y]] as const) {
      const pixel = at(x, y);
      expect(offBackground(pixel), `box outline at ${x},${y}: ${pixel}`).toBeGreaterThan(150);
      expect(pixel[0]!, `red channel at ${x},${y}`).toBeGreaterThan(150);
    }
    // The polygon's outline (yellow #ffd600) on its left edge, x = 0.7 × 320 = 224.
    const edge = at(224, 72);
    expect(offBackground(edge), `polygon outline: ${edge}`).toBeGreaterThan(200);
    expect(edge[0]!).toBeGreaterThan(150);
    expect(edge[1]!).toBeGreaterThan(120);
    // Its inside is tinted (18 % yellow), but only faintly.
    const inside = at(265, 72);
    expect(offBackground(inside), `polygon fill: ${inside}`).toBeGreaterThan(30);
    expect(offBackground(inside)).toBeLessThan(150);

    // The middle of the box, and places far from anything drawn, keep the background colour (JPEG tolerance).
    for (const [x, y] of [[110, 140], [10, 230], [300, 220], [190, 20]] as const) {
      expect(offBackground(at(x, y)), `background at ${x},${y}: ${at(x, y)}`).toBeLessThan(15);
    }
  });
});
