import type { LumaGrid } from './luma-grid';

/**
 * A running-average background: each frame is compared with the average of the frames before it, then blended in
 * with `learningRate`. A high rate forgets fast (short ghosts behind moving things); a low rate also sees slow motion.
 */
export class BackgroundModel {
  private background: Float32Array | undefined;
  private shape = '';

  /** Returns the cells that differ from the background by more than `threshold`; the first frame only primes it. */
  apply(grid: LumaGrid, threshold: number, learningRate: number): Uint8Array {
    const changed = new Uint8Array(grid.values.length);
    const shape = `${grid.columns}x${grid.rows}x${grid.step}`;
    if (!this.background || this.shape !== shape) {
      this.background = Float32Array.from(grid.values);
      this.shape = shape;
      return changed;
    }
    const background = this.background;
    for (let index = 0; index < grid.values.length; index++) {
      const value = grid.values[index]!;
      const difference = value - background[index]!;
      if (difference > threshold || difference < -threshold) changed[index] = 1;
      background[index]! += learningRate * difference;
    }
    return changed;
  }
}
