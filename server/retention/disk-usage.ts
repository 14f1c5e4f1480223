import { statfs } from 'node:fs/promises';

export interface DiskUsage {
  totalBytes: number;
  freeBytes: number;
}

/** Reads the size and free space of the file system holding `path`; injectable so tests can simulate a full disk. */
export type ReadDiskUsage = (path: string) => Promise<DiskUsage>;

/** Free space as an unprivileged process sees it (bavail, not bfree: root's reserved blocks are not ours). */
export const readDiskUsageWithStatfs: ReadDiskUsage = async (path) => {
  const stats = await statfs(path);
  return { totalBytes: stats.blocks * stats.bsize, freeBytes: stats.bavail * stats.bsize };
};
