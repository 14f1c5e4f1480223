import { describe, expect, it } from 'vitest';
import { isArmed, isValidTimezone } from './arming-schedule';

describe('isArmed', () => {
  const nightShift = { timezone: 'Asia/Shanghai', windows: [{ days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00' }] };

  it('is always armed without a schedule', () => {
    expect(isArmed(undefined, new Date())).toBe(true);
  });

  it('applies windows in the schedule time zone, across midnight', () => {
    // Monday 2026-11-23 22:30 in Shanghai = 14:30 UTC.
    expect(isArmed(nightShift, new Date('2026-11-23T14:30:00Z'))).toBe(true);
    // Tuesday 05:59 Shanghai (window that began Monday).
    expect(isArmed(nightShift, new Date('2026-11-23T21:59:00Z'))).toBe(true);
    // Tuesday 06:00 Shanghai: the window has ended.
    expect(isArmed(nightShift, new Date('2026-11-23T22:00:00Z'))).toBe(false);
    // Monday 12:00 Shanghai.
    expect(isArmed(nightShift, new Date('2026-11-23T04:00:00Z'))).toBe(false);
    // Saturday 01:00 Shanghai belongs to Friday's window.
    expect(isArmed(nightShift, new Date('2026-11-27T17:00:00Z'))).toBe(true);
    // Sunday 01:00 Shanghai: Saturday has no window.
    expect(isArmed(nightShift, new Date('2026-11-28T17:00:00Z'))).toBe(false);
  });

  it('treats start = end as the whole day', () => {
    expect(isArmed({ timezone: 'UTC', windows: [{ days: [0], start: '00:00', end: '00:00' }] }, new Date('2026-11-22T23:59:00Z'))).toBe(true);
    expect(isArmed({ timezone: 'UTC', windows: [{ days: [0], start: '00:00', end: '00:00' }] }, new Date('2026-11-23T00:01:00Z'))).toBe(false);
  });

  it('knows real time zones', () => {
    expect(isValidTimezone('Europe/Berlin')).toBe(true);
    expect(isValidTimezone('Mars/Olympus')).toBe(false);
  });
});
