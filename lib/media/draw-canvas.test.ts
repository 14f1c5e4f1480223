import { describe, expect, it } from 'vitest';
import { blankImage, pixel } from './test-image';
import { drawLine, fillCircle, fillPolygon, fillRect, strokeEllipse, strokeRect, type Rgb } from './draw-canvas';

const red: Rgb = [255, 0, 0];

describe('draw-canvas', () => {
  it('fills rectangles clipped to the frame, blending when translucent', () => {
    const image = blankImage(10, 10);
    fillRect(image, -5, -5, 8, 8, red);
    expect(pixel(image, 0, 0)).toEqual(red);
    expect(pixel(image, 2, 2)).toEqual(red);
    expect(pixel(image, 3, 3)).toEqual([0, 0, 0]);
    fillRect(image, 8, 8, 10, 10, [200, 100, 0], 0.5);
    expect(pixel(image, 9, 9)).toEqual([100, 50, 0]);
  });

  it('strokes a rectangle inside its bounds and leaves the inside alone', () => {
    const image = blankImage(20, 20);
    strokeRect(image, 2, 2, 10, 8, red, 2);
    expect(pixel(image, 2, 2)).toEqual(red);
    expect(pixel(image, 11, 9)).toEqual(red);
    expect(pixel(image, 3, 5)).toEqual(red);
    expect(pixel(image, 6, 5)).toEqual([0, 0, 0]);
    expect(pixel(image, 12, 5)).toEqual([0, 0, 0]);
  });

  it('draws lines end to end, and lines that leave the frame do not throw', () => {
    const image = blankImage(20, 20);
    drawLine(image, 0, 0, 19, 19, red, 1);
    for (const step of [0, 7, 19]) expect(pixel(image, step, step)).toEqual(red);
    expect(pixel(image, 19, 0)).toEqual([0, 0, 0]);
    expect(() => drawLine(image, -50, 5, 80, 5, red, 3)).not.toThrow();
    expect(pixel(image, 10, 4)).toEqual(red);
  });

  it('fills polygons by the even-odd rule', () => {
    const image = blankImage(20, 20);
    fillPolygon(image, [[2, 2], [17, 2], [17, 17], [2, 17]], [100, 100, 100], 1);
    expect(pixel(image, 10, 10)).toEqual([100, 100, 100]);
    expect(pixel(image, 1, 10)).toEqual([0, 0, 0]);
    expect(pixel(image, 18, 10)).toEqual([0, 0, 0]);
  });

  it('draws ellipse outlines and filled dots', () => {
    const image = blankImage(40, 40);
    strokeEllipse(image, 20, 20, 10, 5, red, 1);
    expect(pixel(image, 30, 20)).toEqual(red);
    expect(pixel(image, 20, 15)).toEqual(red);
    expect(pixel(image, 20, 20)).toEqual([0, 0, 0]);
    fillCircle(image, 20, 20, 2, red);
    expect(pixel(image, 20, 20)).toEqual(red);
    expect(pixel(image, 20, 23)).toEqual([0, 0, 0]);
  });
});
