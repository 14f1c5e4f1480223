/** Events per second over a sliding time window (frames in, frames out); the caller supplies timestamps. */
export class RateWindow {
  private readonly times: number[] = [];

  constructor(private readonly windowMs: number) {}

  record(atMs: number): void {
    this.times.push(atMs);
    this.prune(atMs);
  }

  /** Events in the last windowMs, per second. A window not yet full still divides by the whole window: no spikes at start. */
  perSecond(nowMs: number): number {
    this.prune(nowMs);
    return Math.round((this.times.length * 1000 * 100) / this.windowMs) / 100;
  }

  private prune(nowMs: number): void {
    const oldest = nowMs - this.windowMs;
    let drop = 0;
    while (drop < this.times.length && this.times[drop]! <= oldest) drop++;
    if (drop > 0) this.times.splice(0, drop);
  }
}
