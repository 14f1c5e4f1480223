/**
 * Drawing primitives straight into an RGB24 frame buffer. Pure TypeScript because it is 20–80× cheaper per frame
 * than compositing an SVG with sharp (bench/media-decode.ts; docs/decisions/0004-media-layer.md).
 * Every write is clipped to the frame.
 */
export interface RgbImage {
  /** RGB24, row-major, no row padding: width × height × 3 bytes. */
  data: Uint8Array;
  width: number;
  height: number;
}

export type Rgb = readonly [number, number, number];

function setPixel(image: RgbImage, x: number, y: number, color: Rgb): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
  const offset = (y * image.width + x) * 3;
  image.data[offset] = color[0];
  image.data[offset + 1] = color[1];
  image.data[offset + 2] = color[2];
}

/** Fills a rectangle; alpha below 1 blends it over the picture (label backgrounds, ROI fills). */
export function fillRect(image: RgbImage, x: number, y: number, width: number, height: number, color: Rgb, alpha = 1): void {
  const left = Math.max(0, Math.round(x));
  const top = Math.max(0, Math.round(y));
  const right = Math.min(image.width, Math.round(x + width));
  const bottom = Math.min(image.height, Math.round(y + height));
  for (let row = top; row < bottom; row++) fillSpan(image, row, left, right, color, alpha);
}

function fillSpan(image: RgbImage, row: number, from: number, to: number, color: Rgb, alpha: number): void {
  const data = image.data;
  let offset = (row * image.width + from) * 3;
  if (alpha >= 1) {
    for (let x = from; x < to; x++, offset += 3) {
      data[offset] = color[0];
      data[offset + 1] = color[1];
      data[offset + 2] = color[2];
    }
    return;
  }
  // Fixed-point blend (alpha in 1/256ths): integer arithmetic is several times faster than floats on typed arrays.
  const weight = Math.round(alpha * 256);
  const [red, green, blue] = color;
  const end = offset + (to - from) * 3;
  for (; offset < end; offset += 3) {
    const r = data[offset]!;
    const g = data[offset + 1]!;
    const b = data[offset + 2]!;
    data[offset] = r + (((red - r) * weight) >> 8);
    data[offset + 1] = g + (((green - g) * weight) >> 8);
    data[offset + 2] = b + (((blue - b) * weight) >> 8);
  }
}

/** An outline drawn inside the rectangle, so a box at the frame's edge stays fully visible. */
export function strokeRect(image: RgbImage, x: number, y: number, width: number, height: number, color: Rgb, thickness = 2): void {
  const t = Math.max(1, Math.min(thickness, Math.floor(width / 2), Math.floor(height / 2)));
  fillRect(image, x, y, width, t, color);
  fillRect(image, x, y + height - t, width, t, color);
  fillRect(image, x, y + t, t, height - 2 * t, color);
  fillRect(image, x + width - t, y + t, t, height - 2 * t, color);
}

/** Bresenham with a square pen of `thickness` pixels. */
export function drawLine(image: RgbImage, x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 2): void {
  let x = Math.round(x0);
  let y = Math.round(y0);
  const xEnd = Math.round(x1);
  const yEnd = Math.round(y1);
  const dx = Math.abs(xEnd - x);
  const dy = -Math.abs(yEnd - y);
  const stepX = x < xEnd ? 1 : -1;
  const stepY = y < yEnd ? 1 : -1;
  const half = Math.floor((thickness - 1) / 2);
  let error = dx + dy;
  for (;;) {
    if (thickness <= 1) setPixel(image, x, y, color);
    else fillRect(image, x - half, y - half, thickness, thickness, color);
    if (x === xEnd && y === yEnd) return;
    const doubled = 2 * error;
    if (doubled >= dy) {
      error += dy;
      x += stepX;
    }
    if (doubled <= dx) {
      error += dx;
      y += stepY;
    }
  }
}

export function strokePolygon(image: RgbImage, points: ReadonlyArray<readonly [number, number]>, color: Rgb, thickness = 2): void {
  for (let index = 0; index < points.length; index++) {
    const [ax, ay] = points[index]!;
    const [bx, by] = points[(index + 1) % points.length]!;
    drawLine(image, ax, ay, bx, by, color, thickness);
  }
}

/** Even-odd scanline fill, blended: a translucent zone keeps the scene visible under it. */
export function fillPolygon(image: RgbImage, points: ReadonlyArray<readonly [number, number]>, color: Rgb, alpha: number): void {
  if (points.length < 3) return;
  const ys = points.map((point) => point[1]);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(image.height - 1, Math.ceil(Math.max(...ys)));
  const crossings: number[] = [];
  for (let row = top; row <= bottom; row++) {
    const scanY = row + 0.5;
    crossings.length = 0;
    for (let index = 0; index < points.length; index++) {
      const [ax, ay] = points[index]!;
      const [bx, by] = points[(index + 1) % points.length]!;
      if ((ay <= scanY && by > scanY) || (by <= scanY && ay > scanY)) crossings.push(ax + ((scanY - ay) / (by - ay)) * (bx - ax));
    }
    crossings.sort((a, b) => a - b);
    for (let pair = 0; pair + 1 < crossings.length; pair += 2) {
      const from = Math.max(0, Math.round(crossings[pair]!));
      const to = Math.min(image.width, Math.round(crossings[pair + 1]!));
      if (to > from) fillSpan(image, row, from, to, color, alpha);
    }
  }
}

/** Outline of an axis-aligned ellipse (a point ROI's radius is normalised, so it is a circle only on square frames). */
export function strokeEllipse(image: RgbImage, cx: number, cy: number, rx: number, ry: number, color: Rgb, thickness = 2): void {
  // A multiple of 4 puts vertices exactly on both axes' extremes.
  const steps = 4 * Math.max(4, Math.ceil((rx + ry) * 0.4));
  let previous: [number, number] = [cx + rx, cy];
  for (let step = 1; step <= steps; step++) {
    const angle = (step / steps) * 2 * Math.PI;
    const next: [number, number] = [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
    drawLine(image, previous[0], previous[1], next[0], next[1], color, thickness);
    previous = next;
  }
}

export function fillCircle(image: RgbImage, cx: number, cy: number, radius: number, color: Rgb): void {
  for (let dy = -radius; dy <= radius; dy++) {
    const half = Math.floor(Math.sqrt(radius * radius - dy * dy));
    const row = Math.round(cy + dy);
    if (row < 0 || row >= image.height) continue;
    const from = Math.max(0, Math.round(cx - half));
    const to = Math.min(image.width, Math.round(cx + half + 1));
    if (to > from) fillSpan(image, row, from, to, color, 1);
  }
}
