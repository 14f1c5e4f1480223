/**
 * Turns liveness probe results of one process run into a verdict, like a Kubernetes liveness probe with a
 * startup allowance: failures before the first success count only after the startup grace, and
 * `failureThreshold` failures in a row mean the process is hung.
 */
export class LivenessTracker {
  private failuresInRow = 0;
  private healthySince: number | undefined;

  constructor(
    private readonly startedAt: number,
    private readonly policy: { livenessFailureThreshold: number; startupGraceMs: number },
  ) {}

  /** Time the run first answered its liveness probe; undefined until it has. */
  get firstHealthyAt(): number | undefined {
    return this.healthySince;
  }

  get consecutiveFailures(): number {
    return this.failuresInRow;
  }

  observe(alive: boolean, now: number): 'alive' | 'not-yet-alive' | 'failing' | 'hung' {
    if (alive) {
      this.failuresInRow = 0;
      this.healthySince ??= now;
      return 'alive';
    }
    const counts = this.healthySince !== undefined || now - this.startedAt >= this.policy.startupGraceMs;
    if (!counts) return 'not-yet-alive';
    this.failuresInRow += 1;
    return this.failuresInRow >= this.policy.livenessFailureThreshold ? 'hung' : 'failing';
  }
}
