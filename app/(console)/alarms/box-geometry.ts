import type { AlarmEvent } from '@/lib/contracts/alarms';

export type DetectionBox = AlarmEvent['objects'][number]['box'];

/** Percentages of the image (left, top, width, height), clamped to it: they follow the image at any displayed size. */
export interface BoxPercent {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where a detection box lies on its snapshot, in percent of the image. Boxes come in the snapshot's pixels, or
 * normalised to 0–1 (some algorithms report them so; the same rule the alarm-verifier cropping uses).
 */
export function boxToPercent(box: DetectionBox, image: { width: number; height: number }): BoxPercent | undefined {
  if (!(image.width > 0 && image.height > 0) || !(box.width > 0 && box.height > 0)) return undefined;
  const normalised = box.x <= 1 && box.y <= 1 && box.width <= 1 && box.height <= 1;
  const scaleX = normalised ? 100 : 100 / image.width;
  const scaleY = normalised ? 100 : 100 / image.height;
  const left = clamp(box.x * scaleX);
  const top = clamp(box.y * scaleY);
  const right = clamp((box.x + box.width) * scaleX);
  const bottom = clamp((box.y + box.height) * scaleY);
  if (right <= left || bottom <= top) return undefined;
  return { left: round(left), top: round(top), width: round(right - left), height: round(bottom - top) };
}

function clamp(value: number): number {
  return Math.min(Math.max(value, 0), 100);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
