import { describe, expect, it } from 'vitest';
import { defaultRestartBackoff, failureStreakAfterExit, restartDelayMs } from './restart-backoff';

describe('restart backoff', () => {
  it('starts at 1 s and doubles up to 5 min', () => {
    const delays = [1, 2, 3, 4, 9, 10, 100, 5000].map((streak) => restartDelayMs(streak, defaultRestartBackoff));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 256_000, 300_000, 300_000, 300_000]);
  });

  it('resets the streak only after a run that stayed healthy long enough', () => {
    expect(failureStreakAfterExit(4, undefined, defaultRestartBackoff)).toBe(5);
    expect(failureStreakAfterExit(4, 599_999, defaultRestartBackoff)).toBe(5);
    expect(failureStreakAfterExit(4, 600_000, defaultRestartBackoff)).toBe(1);
  });
});
