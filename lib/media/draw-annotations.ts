import type { Roi } from '../geometry/roi';
import { drawLine, fillCircle, fillPolygon, strokeEllipse, strokePolygon, strokeRect, type Rgb, type RgbImage } from './draw-canvas';
import { drawLabel } from './draw-text';

/** One detected (and possibly tracked) object, in pixels of the frame it is drawn on. */
export interface DrawnObject {
  box: { x: number; y: number; width: number; height: number };
  label: string;
  score?: number;
  trackId?: number | string;
}

export interface Annotations {
  objects: readonly DrawnObject[];
  rois?: readonly Roi[];
  /** A line in the top-left corner (camera name, time). */
  caption?: string;
}

export interface DrawStyle {
  /** Text scale: 1 = 7 px tall glyphs; 2 suits 720p and up. */
  textScale: number;
  lineWidth: number;
  /** Opacity of polygon fills; 0 (default) draws outlines only: a fill costs ~0.6 ms per 640x360 frame, outlines ~0.2 ms. */
  roiFillAlpha: number;
  /** Caption tags on boxes (label, score, track id); false draws bare boxes (a restream sink's drawLabels). */
  labels: boolean;
}

// Distinct, saturated colours that stay readable on dark and light scenes.
const palette: Rgb[] = [[255, 56, 56], [72, 249, 10], [0, 194, 255], [255, 178, 29], [207, 210, 49], [146, 204, 23], [61, 219, 134], [26, 147, 52], [0, 212, 187], [44, 153, 168], [52, 69, 147], [100, 115, 255], [132, 56, 255], [203, 56, 255], [255, 149, 200], [255, 55, 199]];
const roiColors: Record<Roi['kind'], Rgb> = { polygon: [255, 221, 0], line: [0, 255, 255], point: [255, 0, 255] };
const black: Rgb = [0, 0, 0];
const white: Rgb = [255, 255, 255];

/** The same track keeps its colour from frame to frame; untracked objects are coloured by label. */
export function colorFor(key: string | number): Rgb {
  const text = String(key);
  let hash = 0;
  for (let index = 0; index < text.length; index++) hash = (hash * 31 + text.charCodeAt(index)) | 0;
  return palette[Math.abs(hash) % palette.length]!;
}

export function objectCaption(object: DrawnObject): string {
  const parts = [object.label];
  if (object.score !== undefined) parts.push(object.score.toFixed(2));
  if (object.trackId !== undefined) parts.push(`#${object.trackId}`);
  return parts.join(' ');
}

/** Draws ROIs first (under), then boxes with their labels, then the caption; mutates the frame in place. */
export function drawAnnotations(image: RgbImage, annotations: Annotations, style: Partial<DrawStyle> = {}): void {
  const { textScale = image.width >= 1280 ? 2 : 1, lineWidth = image.width >= 1280 ? 3 : 2, roiFillAlpha = 0, labels = true } = style;
  for (const roi of annotations.rois ?? []) drawRoi(image, roi, { textScale, lineWidth, roiFillAlpha, labels });
  for (const object of annotations.objects) {
    const color = colorFor(object.trackId ?? object.label);
    const { x, y, width, height } = object.box;
    strokeRect(image, x, y, width, height, color, lineWidth);
    if (labels) drawLabel(image, objectCaption(object), x, y, { text: black, background: color }, textScale);
  }
  if (annotations.caption) drawLabel(image, annotations.caption, 0, 0, { text: white, background: black }, textScale);
}

function toPixels(image: RgbImage, roi: Roi): Array<[number, number]> {
  return roi.points.map(([x, y]) => [x * (image.width - 1), y * (image.height - 1)]);
}

export function drawRoi(image: RgbImage, roi: Roi, style: DrawStyle): void {
  const color = roiColors[roi.kind];
  const points = toPixels(image, roi);
  const [first] = points;
  if (!first) return;
  const labelColors = { text: black, background: color };
  if (roi.kind === 'polygon') {
    if (style.roiFillAlpha > 0) fillPolygon(image, points, color, style.roiFillAlpha);
    strokePolygon(image, points, color, style.lineWidth);
  } else if (roi.kind === 'line') {
    for (let index = 0; index + 1 < points.length; index++) {
      drawLine(image, points[index]![0], points[index]![1], points[index + 1]![0], points[index + 1]![1], color, style.lineWidth);
    }
    drawCrossingArrows(image, points, roi.direction ?? 'both', color, style);
  } else {
    const radius = roi.radius ?? 0;
    fillCircle(image, first[0], first[1], 2 + style.lineWidth, color);
    if (radius > 0) strokeEllipse(image, first[0], first[1], radius * image.width, radius * image.height, color, style.lineWidth);
  }
  if (roi.name) drawLabel(image, roi.name, first[0], first[1], labelColors, style.textScale);
}

/**
 * Arrows across the middle of a line's first segment, pointing the way a counted crossing goes. "a-to-b" is a crossing
 * from the left to the right of the direction a→b as seen on screen (y down), i.e. along the normal (-dy, dx).
 */
function drawCrossingArrows(image: RgbImage, points: Array<[number, number]>, direction: NonNullable<Roi['direction']>, color: Rgb, style: DrawStyle): void {
  const [a, b] = points;
  if (!a || !b) return;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length < 1) return;
  const normal: [number, number] = [-dy / length, dx / length];
  const middle: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const arrowLength = Math.max(12, Math.min(40, length / 4));
  if (direction === 'a-to-b' || direction === 'both') drawArrow(image, middle, normal, arrowLength, color, style.lineWidth);
  if (direction === 'b-to-a' || direction === 'both') drawArrow(image, middle, [-normal[0], -normal[1]], arrowLength, color, style.lineWidth);
}

function drawArrow(image: RgbImage, from: [number, number], unit: [number, number], length: number, color: Rgb, lineWidth: number): void {
  const tip: [number, number] = [from[0] + unit[0] * length, from[1] + unit[1] * length];
  drawLine(image, from[0], from[1], tip[0], tip[1], color, lineWidth);
  const head = length * 0.4;
  for (const side of [1, -1]) {
    // The barbs point back from the tip at ±30°.
    const angle = Math.atan2(unit[1], unit[0]) + Math.PI + (side * Math.PI) / 6;
    drawLine(image, tip[0], tip[1], tip[0] + Math.cos(angle) * head, tip[1] + Math.sin(angle) * head, color, lineWidth);
  }
}
