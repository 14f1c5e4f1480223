/** Reconnect delays for a stream source: exponential, capped, with optional jitter so many cameras do not retry in step. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** 0–1: the delay is shortened by up to this fraction, at random. */
  jitter: number;
}

export const defaultStreamBackoff: BackoffPolicy = { initialMs: 500, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** Delay before retry number `attempt` (1 = first retry); `random` is injected to keep this pure. */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number = () => 0): number {
  const exponent = Math.min(Math.max(0, attempt - 1), 52);
  const capped = Math.min(policy.initialMs * policy.factor ** exponent, policy.maxMs);
  return Math.round(capped * (1 - policy.jitter * random()));
}
