import { lstat, readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { snapshotDayPattern } from '../../lib/retention/retention-plan';

/** Where server/alarms/snapshot-store.ts writes: `<dataDir>/media/snapshots/<yyyy-mm-dd>/<alarmId>-<state>.jpg`. */
export function snapshotRoot(dataDir: string): string {
  return join(dataDir, 'media', 'snapshots');
}

/** The day folders present, oldest first; anything not named like a day is left alone. */
export async function listSnapshotDays(dataDir: string): Promise<string[]> {
  const entries = await readdir(snapshotRoot(dataDir), { withFileTypes: true }).catch(ignoreMissing([]));
  return entries.filter((entry) => entry.isDirectory() && snapshotDayPattern.test(entry.name)).map((entry) => entry.name).sort();
}

export interface DeletedFiles {
  files: number;
  bytes: number;
}

/** Deletes a whole day folder, reporting what it held. */
export async function deleteSnapshotDay(dataDir: string, day: string): Promise<DeletedFiles> {
  if (!snapshotDayPattern.test(day)) throw new Error(`not a snapshot day folder: ${day}`);
  const folder = join(snapshotRoot(dataDir), day);
  const measured = await measureFolder(folder);
  await rm(folder, { recursive: true, force: true });
  return measured;
}

/** Deletes the snapshot files (`<alarmId>-<state>.jpg`) of the given alarms in one day folder. */
export async function deleteAlarmSnapshots(dataDir: string, day: string, alarmIds: ReadonlySet<string>): Promise<DeletedFiles> {
  const folder = join(snapshotRoot(dataDir), day);
  const names = await readdir(folder).catch(ignoreMissing<string[]>([]));
  const deleted: DeletedFiles = { files: 0, bytes: 0 };
  for (const name of names) {
    if (!alarmIds.has(name.split('-')[0]!)) continue;
    const path = join(folder, name);
    const stats = await lstat(path).catch(ignoreMissing(undefined));
    if (!stats?.isFile()) continue;
    await unlink(path).catch(ignoreMissing(undefined));
    deleted.files += 1;
    deleted.bytes += stats.size;
  }
  return deleted;
}

async function measureFolder(folder: string): Promise<DeletedFiles> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true }).catch(ignoreMissing([]));
  const measured: DeletedFiles = { files: 0, bytes: 0 };
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const stats = await lstat(join(entry.parentPath, entry.name)).catch(ignoreMissing(undefined));
    measured.files += 1;
    measured.bytes += stats?.size ?? 0;
  }
  return measured;
}

/** A file or folder that is already gone is what deletion wanted; any other error is real. */
function ignoreMissing<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return fallback;
    throw error;
  };
}
