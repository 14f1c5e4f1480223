import { describe, expect, it } from 'vitest';
import { startOfDayIn } from './start-of-day';

describe('startOfDayIn', () => {
  it('is midnight UTC in UTC', () => {
    expect(startOfDayIn(new Date('2026-03-10T17:45:12.345Z'), 'UTC').toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  it('follows the zone across the UTC date line: 01:00 in Shanghai is already the next day', () => {
    expect(startOfDayIn(new Date('2026-03-10T17:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(startOfDayIn(new Date('2026-03-10T15:59:59Z'), 'Asia/Shanghai').toISOString()).toBe('2026-03-09T16:00:00.000Z');
  });

  it('takes the offset at midnight on a daylight-saving day (New York springs forward on 8 March 2026)', () => {
    // 14:00 EDT (UTC-4); the day began at 00:00 EST (UTC-5).
    expect(startOfDayIn(new Date('2026-03-08T18:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    // The day after, both are EDT.
    expect(startOfDayIn(new Date('2026-03-09T18:00:00Z'), 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('handles zones with a half-hour offset', () => {
    expect(startOfDayIn(new Date('2026-06-01T20:00:00Z'), 'Asia/Kolkata').toISOString()).toBe('2026-06-01T18:30:00.000Z');
  });
});
