import { describe, expect, it } from 'vitest';
import { LivenessTracker } from './liveness-tracker';

const policy = { livenessFailureThreshold: 3, startupGraceMs: 1_000 };

describe('LivenessTracker', () => {
  it('does not count failures of a slow start within the grace', () => {
    const tracker = new LivenessTracker(0, policy);
    expect([100, 200, 300, 400].map((now) => tracker.observe(false, now))).toEqual(['not-yet-alive', 'not-yet-alive', 'not-yet-alive', 'not-yet-alive']);
    expect(tracker.observe(true, 500)).toBe('alive');
    expect(tracker.firstHealthyAt).toBe(500);
  });

  it('calls a process hung after the threshold of failures in a row, once it was alive or the grace ran out', () => {
    const alive = new LivenessTracker(0, policy);
    alive.observe(true, 10);
    expect([20, 30].map((now) => alive.observe(false, now))).toEqual(['failing', 'failing']);
    expect(alive.observe(true, 40)).toBe('alive');
    expect([50, 60, 70].map((now) => alive.observe(false, now))).toEqual(['failing', 'failing', 'hung']);

    const silent = new LivenessTracker(0, policy);
    expect([1_000, 1_100, 1_200].map((now) => silent.observe(false, now))).toEqual(['failing', 'failing', 'hung']);
  });
});
