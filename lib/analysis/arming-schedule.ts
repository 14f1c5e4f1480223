import type { NodeConfig } from '../pipeline/node-registry';

export type ArmingSchedule = NonNullable<NodeConfig<'rule'>['schedule']>;

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(at: Date, timezone: string): { day: number; minute: number } {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return { day: weekdays.indexOf(parts.weekday ?? ''), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const toMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Whether a rule is armed at `at`. Windows are weekly, in the schedule's time zone; a window whose end is
 * before its start runs past midnight into the next day; start = end means the whole day. No schedule = always.
 */
export function isArmed(schedule: ArmingSchedule | undefined, at: Date): boolean {
  if (!schedule) return true;
  const { day, minute } = localTime(at, schedule.timezone);
  const previousDay = (day + 6) % 7;
  return schedule.windows.some((window) => {
    const start = toMinutes(window.start);
    const end = toMinutes(window.end);
    if (start === end) return window.days.includes(day);
    if (start < end) return window.days.includes(day) && minute >= start && minute < end;
    return (window.days.includes(day) && minute >= start) || (window.days.includes(previousDay) && minute < end);
  });
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
