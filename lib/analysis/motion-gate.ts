/**
 * Skips inference on still frames (as Frigate does): compares a subsampled luma grid with the last frame
 * that was inferred. Measured in notes/media.md: ~0.1 ms per 640x360 frame on a 4× grid.
 */
export interface MotionGateOptions {
  /** Sample every `step` pixels in each direction. */
  step: number;
  /** Mean absolute luma difference (0–255) above which the frame counts as changed. */
  threshold: number;
  /** Infer at least this often even on still scenes, so objects that stopped keep being confirmed. */
  maxSkipMs: number;
}

export const defaultMotionGateOptions: MotionGateOptions = { step: 4, threshold: 2.5, maxSkipMs: 2000 };

export function lumaGrid(rgb: Uint8Array, width: number, height: number, step: number): Float32Array {
  const columns = Math.ceil(width / step);
  const rows = Math.ceil(height / step);
  const grid = new Float32Array(columns * rows);
  let index = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const offset = (y * width + x) * 3;
      grid[index++] = 0.299 * rgb[offset]! + 0.587 * rgb[offset + 1]! + 0.114 * rgb[offset + 2]!;
    }
  }
  return grid;
}

export function meanAbsoluteDifference(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return a.length ? sum / a.length : 0;
}

export class MotionGate {
  private reference: Float32Array | undefined;
  private lastInferredAt = -Infinity;

  constructor(private readonly options: MotionGateOptions = defaultMotionGateOptions) {}

  /** True when this frame should go to the algorithm; the caller reuses the last detections otherwise. */
  shouldInfer(frame: { data: Uint8Array; width: number; height: number }, now: number): boolean {
    const grid = lumaGrid(frame.data, frame.width, frame.height, this.options.step);
    const changed = !this.reference || this.reference.length !== grid.length || meanAbsoluteDifference(grid, this.reference) > this.options.threshold;
    if (changed || now - this.lastInferredAt >= this.options.maxSkipMs) {
      this.reference = grid;
      this.lastInferredAt = now;
      return true;
    }
    return false;
  }
}
