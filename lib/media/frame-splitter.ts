/**
 * Cuts ffmpeg's raw video byte stream into whole frames. Pipe chunks have no relation to frame boundaries,
 * so bytes are copied into one frame-sized buffer at a time; each finished buffer belongs to the caller.
 */
export class FrameSplitter {
  private current: Buffer;
  private filled = 0;

  constructor(readonly frameBytes: number) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) throw new RangeError(`frame size must be a positive integer (got ${frameBytes})`);
    this.current = Buffer.allocUnsafe(frameBytes);
  }

  /** Returns the frames this chunk completed (often none, sometimes several). */
  push(chunk: Uint8Array): Buffer[] {
    const frames: Buffer[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(this.frameBytes - this.filled, chunk.length - offset);
      this.current.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.frameBytes) {
        frames.push(this.current);
        this.current = Buffer.allocUnsafe(this.frameBytes);
        this.filled = 0;
      }
    }
    return frames;
  }

  /** Drops a partial frame, e.g. when ffmpeg restarts mid-frame: its bytes would misalign every later frame. */
  reset(): number {
    const dropped = this.filled;
    this.filled = 0;
    return dropped;
  }
}
