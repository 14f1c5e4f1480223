/**
 * A small queue between ffmpeg and one consumer that keeps the newest items: a live analyzer that falls behind
 * should analyse the present, not work through a backlog. Dropped items are counted by the caller.
 */
export class LatestFramesQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private closed = false;

  constructor(private readonly capacity: number) {}

  /** Returns how many older items were dropped to make room (0 or 1). */
  push(item: T): number {
    if (this.closed) return 1;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return 0;
    }
    this.items.push(item);
    if (this.items.length <= this.capacity) return 0;
    this.items.shift();
    return 1;
  }

  /** Items already queued are still delivered; then iteration ends. */
  close(): void {
    this.closed = true;
    if (this.waiting && this.items.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return { next: () => this.next(), return: async () => ({ value: undefined, done: true }) };
  }
}
