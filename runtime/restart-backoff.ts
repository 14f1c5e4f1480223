/** CrashLoopBackOff arithmetic (as in Kubernetes): pure, so the policy is tested without processes or time. */
export interface RestartBackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run that stayed healthy this long forgets earlier failures: its crash restarts after initialDelayMs again. */
  resetAfterHealthyMs: number;
}

export const defaultRestartBackoff: RestartBackoffPolicy = { initialDelayMs: 1_000, maxDelayMs: 300_000, resetAfterHealthyMs: 600_000 };

/** The delay before restart number n of a failure streak (n ≥ 1): initial × 2^(n-1), capped. */
export function restartDelayMs(consecutiveFailures: number, policy: RestartBackoffPolicy): number {
  const exponent = Math.max(0, consecutiveFailures - 1);
  // Cap the exponent first: 2^1100 is Infinity, and a long crash loop must not overflow into it.
  const uncapped = policy.initialDelayMs * 2 ** Math.min(exponent, 52);
  return Math.min(uncapped, policy.maxDelayMs);
}

/** The failure streak after an exit: reset when the run was healthy long enough, then counting this exit. */
export function failureStreakAfterExit(previousStreak: number, healthyForMs: number | undefined, policy: RestartBackoffPolicy): number {
  const earned = healthyForMs !== undefined && healthyForMs >= policy.resetAfterHealthyMs;
  return (earned ? 0 : previousStreak) + 1;
}
