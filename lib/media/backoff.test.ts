import { describe, expect, it } from 'vitest';
import { backoffDelayMs, defaultStreamBackoff } from './backoff';

describe('backoffDelayMs', () => {
  const policy = { ...defaultStreamBackoff, jitter: 0 };

  it('doubles from the initial delay and stops at the cap, even after very many attempts', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelayMs(7, policy)).toBe(30_000);
    expect(backoffDelayMs(5000, policy)).toBe(30_000);
  });

  it('jitter only shortens the delay, by at most its fraction', () => {
    expect(backoffDelayMs(2, defaultStreamBackoff, () => 1)).toBe(800);
    expect(backoffDelayMs(2, defaultStreamBackoff, () => 0)).toBe(1000);
  });
});
