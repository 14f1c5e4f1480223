import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('counts events per second over the window and forgets older ones', () => {
    const rate = new RateWindow(2000);
    for (let t = 0; t < 2000; t += 200) rate.record(t);
    expect(rate.perSecond(1999)).toBe(5);
    expect(rate.perSecond(3000)).toBe(2);
    expect(rate.perSecond(10_000)).toBe(0);
  });
});
