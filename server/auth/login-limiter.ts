/**
 * Counts failed logins per (username, client address) in a sliding window. In memory: the web app is one
 * process per box; behind several replicas each limits on its own, which still bounds guessing.
 */
export interface LoginLimiter {
  /** Seconds to wait before another try is allowed, or 0. */
  retryAfterSeconds(key: string, now: Date): number;
  recordFailure(key: string, now: Date): void;
  reset(key: string): void;
}

export function createLoginLimiter(options: { maxFailures: number; windowSeconds: number }): LoginLimiter {
  const failures = new Map<string, number[]>();
  const windowMs = options.windowSeconds * 1000;
  const recent = (key: string, now: Date) => (failures.get(key) ?? []).filter((t) => now.getTime() - t < windowMs);
  return {
    retryAfterSeconds(key, now) {
      const times = recent(key, now);
      if (times.length < options.maxFailures) return 0;
      const oldest = times[times.length - options.maxFailures] ?? now.getTime();
      return Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
    },
    recordFailure(key, now) {
      const times = recent(key, now);
      times.push(now.getTime());
      failures.set(key, times);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
