import { describe, expect, it } from 'vitest';
import { MotionGate } from './motion-gate';

function frame(boxX: number): { data: Uint8Array; width: number; height: number } {
  const width = 64;
  const height = 36;
  const data = new Uint8Array(width * height * 3).fill(40);
  for (let y = 10; y < 26; y++) for (let x = boxX; x < boxX + 8; x++) data.set([255, 165, 0], (y * width + x) * 3);
  return { data, width, height };
}

describe('MotionGate', () => {
  it('infers the first frame, skips identical ones, infers again on movement and after maxSkipMs', () => {
    const gate = new MotionGate({ step: 2, threshold: 1, maxSkipMs: 1000 });
    expect(gate.shouldInfer(frame(10), 0)).toBe(true);
    expect(gate.shouldInfer(frame(10), 200)).toBe(false);
    expect(gate.shouldInfer(frame(10), 400)).toBe(false);
    expect(gate.shouldInfer(frame(30), 600)).toBe(true);
    expect(gate.shouldInfer(frame(30), 800)).toBe(false);
    expect(gate.shouldInfer(frame(30), 1600)).toBe(true);
  });
});
