import { describe, expect, it } from 'vitest';
import { blankImage, pixel } from './test-image';
import { drawLabel, drawText, measureText } from './draw-text';

const white = [255, 255, 255] as const;

describe('draw-text', () => {
  it('renders glyph bits: "1" has its stem in the middle column and a full-width foot', () => {
    const image = blankImage(10, 10);
    drawText(image, '1', 0, 0, white);
    expect(pixel(image, 2, 3)).toEqual([...white]);
    expect(pixel(image, 0, 3)).toEqual([0, 0, 0]);
    expect([1, 2, 3].map((x) => pixel(image, x, 6)[0])).toEqual([255, 255, 255]);
  });

  it('measures text with one blank column between characters, scaled', () => {
    expect(measureText('AB', 1)).toEqual({ width: 11, height: 7 });
    expect(measureText('AB', 2)).toEqual({ width: 22, height: 14 });
  });

  it('puts a label above its anchor when it fits, below it at the top edge, inside the frame at the right edge', () => {
    const image = blankImage(100, 60);
    const colors = { text: white, background: [255, 0, 0] as const };
    expect(drawLabel(image, 'CAR', 10, 30, colors)).toMatchObject({ x: 10, y: 30 - 11 });
    expect(drawLabel(image, 'CAR', 10, 2, colors)).toMatchObject({ y: 2 });
    const right = drawLabel(image, 'PERSON 0.91 #3', 90, 40, colors);
    expect(right.x + right.width).toBeLessThanOrEqual(100);
  });
});
