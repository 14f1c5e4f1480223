import { fillRect, type Rgb, type RgbImage } from './draw-canvas';
import { glyphHeight, glyphRows, glyphWidth } from './draw-font';

/** Pixel size of `text` at `scale` (one blank column between characters). */
export function measureText(text: string, scale: number): { width: number; height: number } {
  return { width: Math.max(0, text.length * (glyphWidth + 1) - 1) * scale, height: glyphHeight * scale };
}

export function drawText(image: RgbImage, text: string, x: number, y: number, color: Rgb, scale = 1): void {
  let left = Math.round(x);
  const top = Math.round(y);
  for (const character of text) {
    const rows = glyphRows(character);
    for (let row = 0; row < glyphHeight; row++) {
      const bits = rows[row]!;
      if (bits === 0) continue;
      for (let column = 0; column < glyphWidth; column++) {
        if (bits & (1 << (glyphWidth - 1 - column))) fillRect(image, left + column * scale, top + row * scale, scale, scale, color);
      }
    }
    left += (glyphWidth + 1) * scale;
  }
}

/**
 * A label on a solid tag: above (x, y) when it fits, otherwise just below it, and shifted left to stay in frame.
 * Returns the tag's rectangle so callers can avoid overlaps if they want to.
 */
export function drawLabel(image: RgbImage, text: string, x: number, y: number, colors: { text: Rgb; background: Rgb }, scale = 1): { x: number; y: number; width: number; height: number } {
  const padding = scale + 1;
  const size = measureText(text, scale);
  const width = size.width + 2 * padding;
  const height = size.height + 2 * padding;
  const left = Math.max(0, Math.min(Math.round(x), image.width - width));
  const top = y - height >= 0 ? Math.round(y - height) : Math.round(Math.min(y, image.height - height));
  fillRect(image, left, top, width, height, colors.background);
  drawText(image, text, left + padding, top + padding, colors.text, scale);
  return { x: left, y: top, width, height };
}
