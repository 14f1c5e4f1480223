import type { z } from 'zod';
import type { RoiKind } from '../../lib/geometry/roi';

/** An RGB24 frame, row-major, 3 bytes per pixel, top-left origin. */
export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A detection in the frame's pixel coordinates; the server rounds and clamps it into the EV_SDK shape. */
export interface DetectedObject {
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  confidence: number;
}

/** Per-request facts a stateful detector needs (the motion background is kept per stream). */
export interface DetectionContext {
  streamId: string;
}

export interface DetectorInfo {
  name: string;
  version: string;
  labels: string[];
  /** The frame size the model works at; callers may send any size, this one costs least. */
  input: { width: number; height: number };
  roiTypes: RoiKind[];
}

/** A model backend behind the algorithm HTTP contract (DESIGN.md §4.1, §6.7). */
export interface Detector<Params = unknown> {
  info: DetectorInfo;
  /** Validates X-Params; its JSON Schema is what /v1/info and the manifest publish. */
  paramsSchema: z.ZodType<Params>;
  /** Loads and warms the model; /readyz answers 200 only after it resolves. */
  load(): Promise<void>;
  detect(frame: RgbFrame, params: Params, context: DetectionContext): Promise<DetectedObject[]> | DetectedObject[];
}
