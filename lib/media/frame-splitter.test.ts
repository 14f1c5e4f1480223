import { describe, expect, it } from 'vitest';
import { FrameSplitter } from './frame-splitter';

describe('FrameSplitter', () => {
  it('yields exact frames whatever the chunking, and keeps a partial frame for the next chunk', () => {
    const splitter = new FrameSplitter(4);
    const bytes = Uint8Array.from({ length: 10 }, (_, index) => index);
    expect(splitter.push(bytes.subarray(0, 3))).toEqual([]);
    const frames = splitter.push(bytes.subarray(3, 9));
    expect(frames.map((frame) => [...frame])).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    expect(splitter.push(bytes.subarray(9)).length).toBe(0);
    expect(splitter.reset()).toBe(2);
    expect([...splitter.push(Uint8Array.of(9, 9, 9, 9))[0]!]).toEqual([9, 9, 9, 9]);
  });

  it('hands out a fresh buffer per frame (the caller may keep it)', () => {
    const splitter = new FrameSplitter(2);
    const [first, second] = splitter.push(Uint8Array.of(1, 2, 3, 4));
    expect(first).not.toBe(second);
    expect([...first!]).toEqual([1, 2]);
  });

  it('rejects a frame size that cannot be a frame', () => {
    expect(() => new FrameSplitter(0)).toThrow(RangeError);
  });
});
