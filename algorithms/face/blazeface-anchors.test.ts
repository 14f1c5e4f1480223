import { describe, expect, it } from 'vitest';
import { blazefaceAnchors } from './blazeface-anchors';

describe('blazefaceAnchors', () => {
  it('lays 512 anchors at stride 16 then 384 at stride 32 for a 256 input, matching the model outputs', () => {
    const anchors = blazefaceAnchors(256);
    expect(anchors.length / 2).toBe(896);
    expect([...anchors.subarray(0, 4)]).toEqual([8, 8, 8, 8]);
    expect([anchors[512 * 2], anchors[512 * 2 + 1]]).toEqual([16, 16]);
    expect([...anchors.subarray(-2)]).toEqual([240, 240]);
  });
});
