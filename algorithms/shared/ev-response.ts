import type { EvOutput } from '../../lib/contracts/ev-output';
import type { DetectedObject, RgbFrame } from './detector.port';

/** The EV_SDK 4.0 output protocol, as the analyzer reads it (one contract for both sides). */
export type EvResponse = EvOutput;
/** One box: integer pixels, top-left origin, confidence to 3 decimals. */
export type EvObject = EvOutput['model_data']['objects'][number];

/**
 * Builds the EV_SDK 4.0 answer (notes/extreme-vision.md §1). The built-in detectors raise no alarms of their own
 * (Vigil's rules read model_data.objects), so like EV's detection demos they alert whenever they see their target.
 */
export function toEvResponse(objects: DetectedObject[], frame: Pick<RgbFrame, 'width' | 'height'>): EvResponse {
  const boxes = objects.map((object) => toEvObject(object, frame)).filter((box): box is EvObject => box !== undefined);
  return { algorithm_data: { is_alert: boxes.length > 0, target_info: boxes }, model_data: { objects: boxes } };
}

/** Clamps into the frame (models overshoot the edges) and drops boxes left with no area. */
function toEvObject(object: DetectedObject, frame: Pick<RgbFrame, 'width' | 'height'>): EvObject | undefined {
  const left = clamp(Math.round(object.x), 0, frame.width);
  const top = clamp(Math.round(object.y), 0, frame.height);
  const right = clamp(Math.round(object.x + object.width), 0, frame.width);
  const bottom = clamp(Math.round(object.y + object.height), 0, frame.height);
  if (right <= left || bottom <= top) return undefined;
  const confidence = Math.round(clamp(object.confidence, 0, 1) * 1000) / 1000;
  return { x: left, y: top, width: right - left, height: bottom - top, name: object.name, confidence };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
