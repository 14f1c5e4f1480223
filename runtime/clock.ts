/** Time and timers come in from outside so that supervision logic can be driven by a fake clock in tests. */
export interface Clock {
  now(): number;
  /** Calls back once after delayMs; the returned function cancels it. */
  setTimer(callback: () => void, delayMs: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    return () => clearTimeout(timer);
  },
};
