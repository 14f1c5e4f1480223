import type { Clock } from '../clock';

/** At most one pending timer per name: setting a name again replaces its timer, so no stale callback survives. */
export class NamedTimers<Name extends string> {
  private readonly cancellers = new Map<Name, () => void>();

  constructor(private readonly clock: Clock) {}

  set(name: Name, delayMs: number, callback: () => void): void {
    this.cancel(name);
    const cancel = this.clock.setTimer(() => {
      this.cancellers.delete(name);
      callback();
    }, delayMs);
    this.cancellers.set(name, cancel);
  }

  cancel(...names: Name[]): void {
    for (const name of names) {
      this.cancellers.get(name)?.();
      this.cancellers.delete(name);
    }
  }

  cancelAll(): void {
    this.cancel(...this.cancellers.keys());
  }
}
