import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

/** Alarm snapshots live under `<dataDir>/media/snapshots/<yyyy-mm-dd>/`, so retention can delete by day. */
export function snapshotPath(dataDir: string, alarmId: string, state: string, time: Date): string {
  const day = time.toISOString().slice(0, 10);
  return join('media', 'snapshots', day, `${alarmId}-${state}.jpg`);
}

export async function writeSnapshot(dataDir: string, path: string, jpeg: Buffer): Promise<void> {
  const absolute = join(dataDir, path);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, jpeg);
}

/** Reads a stored snapshot; refuses paths that would leave the media folder. */
export async function readSnapshot(dataDir: string, path: string): Promise<Buffer> {
  const root = resolve(dataDir, 'media');
  const absolute = resolve(dataDir, path);
  if (relative(root, absolute).startsWith('..')) throw new Error('snapshot path outside the media folder');
  return readFile(absolute);
}
