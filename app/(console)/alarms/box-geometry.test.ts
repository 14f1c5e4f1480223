import { describe, expect, it } from 'vitest';
import { boxToPercent } from './box-geometry';

describe('boxToPercent', () => {
  it('scales a box in snapshot pixels to percentages of the image', () => {
    expect(boxToPercent({ x: 160, y: 90, width: 320, height: 90 }, { width: 640, height: 360 })).toEqual({ left: 25, top: 25, width: 50, height: 25 });
  });

  it('reads boxes of at most 1 as normalised coordinates', () => {
    expect(boxToPercent({ x: 0.1, y: 0.2, width: 0.5, height: 0.25 }, { width: 1920, height: 1080 })).toEqual({ left: 10, top: 20, width: 50, height: 25 });
  });

  it('clips a box that runs off the image to the image', () => {
    expect(boxToPercent({ x: 600, y: -20, width: 100, height: 100 }, { width: 640, height: 360 })).toEqual({ left: 93.75, top: 0, width: 6.25, height: 22.222 });
  });

  it('draws nothing for empty boxes, boxes wholly outside, or an unknown image size', () => {
    expect(boxToPercent({ x: 10, y: 10, width: 0, height: 5 }, { width: 640, height: 360 })).toBeUndefined();
    expect(boxToPercent({ x: 700, y: 10, width: 20, height: 20 }, { width: 640, height: 360 })).toBeUndefined();
    expect(boxToPercent({ x: 10, y: 10, width: 20, height: 20 }, { width: 0, height: 360 })).toBeUndefined();
  });
});
