import { describe, expect, it } from 'vitest';
import type { RgbFrame } from '../shared/detector.port';
import { findRegions } from './find-regions';
import { createMotionDetector, motionParamsSchema } from './motion-detector';

const defaults = motionParamsSchema.parse({});

/** A dark 320x180 frame with bright rectangles. */
function frameWith(...boxes: { x: number; y: number; width: number; height: number }[]): RgbFrame {
  const width = 320;
  const height = 180;
  const data = new Uint8Array(width * height * 3).fill(40);
  for (const box of boxes) {
    for (let y = box.y; y < box.y + box.height; y++) data.fill(230, (y * width + box.x) * 3, (y * width + box.x + box.width) * 3);
  }
  return { width, height, data };
}

describe('motion detector', () => {
  it('primes on a stream’s first frame, then boxes what moved', async () => {
    const detector = createMotionDetector();
    expect(await detector.detect(frameWith({ x: 20, y: 40, width: 40, height: 60 }), defaults, { streamId: 'a' })).toEqual([]);
    const objects = await detector.detect(frameWith({ x: 200, y: 40, width: 40, height: 60 }), defaults, { streamId: 'a' });
    // The box where it arrived, and the ghost where it left (the background still remembers it).
    expect(objects).toHaveLength(2);
    expect(objects).toContainEqual({ x: 200, y: 40, width: 40, height: 60, name: 'motion', confidence: 1 });
  });

  it('finds nothing between identical frames, and keeps streams apart', async () => {
    const detector = createMotionDetector();
    const still = frameWith({ x: 20, y: 40, width: 40, height: 60 });
    await detector.detect(still, defaults, { streamId: 'a' });
    expect(await detector.detect(still, defaults, { streamId: 'a' })).toEqual([]);
    expect(await detector.detect(frameWith(), defaults, { streamId: 'b' })).toEqual([]); // b's first frame
  });

  it('ignores regions under minArea and changes under the threshold', async () => {
    const detector = createMotionDetector();
    await detector.detect(frameWith(), defaults, { streamId: 'a' });
    expect(await detector.detect(frameWith({ x: 100, y: 100, width: 8, height: 8 }), { ...defaults, minArea: 100 }, { streamId: 'a' })).toEqual([]);
    const faint = frameWith();
    faint.data.fill(50);
    expect(await detector.detect(faint, defaults, { streamId: 'a' })).toEqual([]);
  });

  it('restarts a stream whose frame size changes', async () => {
    const detector = createMotionDetector();
    await detector.detect(frameWith(), defaults, { streamId: 'a' });
    const other = { width: 64, height: 64, data: new Uint8Array(64 * 64 * 3).fill(255) };
    expect(await detector.detect(other, defaults, { streamId: 'a' })).toEqual([]);
  });
});

describe('findRegions', () => {
  it('joins 8-connected cells and separates the rest', () => {
    const mask = Uint8Array.from([
      1, 0, 0, 0,
      0, 1, 0, 1,
      0, 0, 0, 1,
    ]);
    expect(findRegions(mask, 4, 3)).toEqual([
      { left: 0, top: 0, right: 1, bottom: 1, cells: 2 },
      { left: 3, top: 1, right: 3, bottom: 2, cells: 2 },
    ]);
  });
});
