const dayMs = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time in `timeZone` at instant `at` (whole seconds), written as if it were UTC. */
function wallClock(at: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
}

/**
 * The instant today began in `timeZone` (local midnight), for "alarms today" as the operator's calendar counts them.
 * The zone's offset is taken at that midnight, not now, so a day with a daylight-saving change starts at the right hour.
 */
export function startOfDayIn(now: Date, timeZone: string): Date {
  const at = Math.floor(now.getTime() / 1000) * 1000;
  const wall = wallClock(at, timeZone);
  const wallMidnight = wall - (((wall % dayMs) + dayMs) % dayMs);
  const firstGuess = wallMidnight - (wall - at);
  return new Date(wallMidnight - (wallClock(firstGuess, timeZone) - firstGuess));
}
