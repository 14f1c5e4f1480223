import { z } from 'zod';
import type { DetectedObject, Detector, RgbFrame } from '../shared/detector.port';
import { BackgroundModel } from './background-model';
import { findRegions } from './find-regions';
import { sampleLumaGrid } from './luma-grid';

/** One luma sample per 4×4 pixels: 16× less work than full resolution, and regions of 4 px still show. */
const gridStep = 4;
/** Backgrounds kept at once; the least recently seen stream is forgotten first (it re-primes on its next frame). */
const maxStreams = 256;

export const motionParamsSchema = z.strictObject({
  threshold: z.number().min(1).max(255).default(25).describe('luma difference (0–255) from the background that counts as change; lower is more sensitive'),
  minArea: z.number().int().min(0).max(67_108_864).default(200).describe('smallest changed area, in pixels of the input frame, reported as a region'),
  learningRate: z.number().gt(0).max(1).default(0.25).describe('how fast the background absorbs change (1 = compare with the previous frame only)'),
});
export type MotionParams = z.infer<typeof motionParamsSchema>;

/** Motion regions from a per-stream running-average background (the first frame of a stream only primes it). */
export function createMotionDetector(): Detector<MotionParams> {
  const backgrounds = new Map<string, BackgroundModel>();
  return {
    info: { name: 'motion', version: '1.0.0', labels: ['motion'], input: { width: 640, height: 360 }, roiTypes: ['polygon', 'line', 'point'] },
    paramsSchema: motionParamsSchema,
    load: () => Promise.resolve(),
    detect(frame, params, { streamId }) {
      let background = backgrounds.get(streamId);
      backgrounds.delete(streamId); // re-insert below: Map order doubles as least-recently-used order
      background ??= new BackgroundModel();
      backgrounds.set(streamId, background);
      if (backgrounds.size > maxStreams) backgrounds.delete(backgrounds.keys().next().value!);
      return detectMotion(frame, background, params);
    },
  };
}

export function detectMotion(frame: RgbFrame, background: BackgroundModel, params: MotionParams): DetectedObject[] {
  const grid = sampleLumaGrid(frame, gridStep);
  const changed = background.apply(grid, params.threshold, params.learningRate);
  const cellArea = gridStep * gridStep;
  return findRegions(changed, grid.columns, grid.rows)
    .filter((region) => region.cells * cellArea >= params.minArea)
    .map((region) => {
      const boxCells = (region.right - region.left + 1) * (region.bottom - region.top + 1);
      return {
        x: region.left * gridStep,
        y: region.top * gridStep,
        width: (region.right - region.left + 1) * gridStep,
        height: (region.bottom - region.top + 1) * gridStep,
        name: 'motion',
        // How much of the box really changed: a solid mover scores near 1, scattered noise low.
        confidence: region.cells / boxCells,
      };
    })
    .sort((a, b) => b.width * b.height - a.width * a.height);
}
