import type { RgbImage } from './draw-canvas';

/** Helpers for the drawing tests: a black frame and one pixel's value. */
export function blankImage(width: number, height: number): RgbImage {
  return { data: new Uint8Array(width * height * 3), width, height };
}

export function pixel(image: RgbImage, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 3;
  return [...image.data.subarray(offset, offset + 3)];
}
