/** Pure arithmetic of retention: cutoffs, which snapshot day folders may go, and the disk guard's order. */

const dayMs = 86_400_000;
export const snapshotDayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Rows and files whose time is before this instant are expired. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * dayMs).toISOString();
}

/** A day folder holds files of that whole UTC day: it may go only once the entire day lies before the cutoff. */
export function expiredSnapshotDays(dayFolders: readonly string[], cutoffIso: string): string[] {
  const cutoff = Date.parse(cutoffIso);
  return dayFolders.filter((day) => snapshotDayPattern.test(day) && Date.parse(`${day}T00:00:00.000Z`) + dayMs <= cutoff).sort();
}

/** Day folders an alarm's snapshots may sit in: its start, updates and end can fall on different days. */
export function alarmSnapshotDays(startedAtIso: string, updatedAtIso: string): string[] {
  const first = Date.parse(`${startedAtIso.slice(0, 10)}T00:00:00.000Z`);
  const last = Math.max(first, Date.parse(`${updatedAtIso.slice(0, 10)}T00:00:00.000Z`));
  const days: string[] = [];
  // Bounded: an incident is not expected to span more than a few days; beyond a month the folder sweep cleans up.
  for (let at = first; at <= last && days.length < 31; at += dayMs) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/**
 * What the disk guard may delete, oldest first: every day folder before today. Today's folder is where
 * snapshots are being written right now; deleting it would lose the alarms operators are looking at.
 */
export function diskGuardCandidates(dayFolders: readonly string[], today: string): string[] {
  return dayFolders.filter((day) => snapshotDayPattern.test(day) && day < today).sort();
}

export function freePercent(usage: { totalBytes: number; freeBytes: number }): number {
  return usage.totalBytes > 0 ? (usage.freeBytes / usage.totalBytes) * 100 : 100;
}

/** `HH:MM` (settings.retentionRunAt) as numbers. */
export function parseRunAt(runAt: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(runAt);
  if (!match) throw new Error(`retentionRunAt must be HH:MM (got "${runAt}")`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}
