import { RequestError } from './request-error';

/**
 * Runs inferences one at a time (one model, one core: running two at once only makes both slower) with at most
 * `capacity` waiting; past that it refuses at once, so a caller sees back-pressure instead of growing latency.
 */
export class InferenceQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private running = 0;

  constructor(private readonly capacity: number) {}

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting };
  }

  /** Throws the 503 that run() would, so a caller can refuse before reading a request body. */
  ensureRoom(): void {
    if (this.running + this.waiting > this.capacity) {
      throw new RequestError(503, 'queue_full', `the inference queue is full (${this.running} running, ${this.waiting} waiting, at most ${this.capacity} may wait); retry later or run more replicas`);
    }
  }

  run<T>(task: () => Promise<T> | T): Promise<T> {
    try {
      this.ensureRoom();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.waiting += 1;
    const result = this.tail.then(async () => {
      this.waiting -= 1;
      this.running += 1;
      try {
        return await task();
      } finally {
        this.running -= 1;
      }
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves when everything accepted so far has finished (graceful shutdown). */
  drained(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
