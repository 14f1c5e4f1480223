import { copyFile, open, stat, truncate } from 'node:fs/promises';

/**
 * A workload writes stdout and stderr straight into its log file (not through a pipe to the platform), so its
 * output survives a platform restart and the next instance tails the same file. The file is kept bounded like a
 * ring buffer: past maxBytes its content moves to `<file>.1` (replacing the previous one) and the file starts over.
 */
export async function trimLogFile(file: string, maxBytes: number): Promise<void> {
  const size = await fileSize(file);
  if (size <= maxBytes) return;
  // Copy-then-truncate (not rename): the running process keeps its O_APPEND descriptor to this same file.
  await copyFile(file, `${file}.1`);
  await truncate(file, 0);
}

/** The last `count` lines, oldest first, from `<file>.1` and `<file>`, reading at most `maxBytes` of each. */
export async function readLastLines(file: string, count: number, maxBytes: number): Promise<string[]> {
  if (count <= 0) return [];
  const current = await readTailLines(file, maxBytes);
  if (current.length >= count) return current.slice(-count);
  const previous = await readTailLines(`${file}.1`, maxBytes);
  return [...previous, ...current].slice(-count);
}

async function readTailLines(file: string, maxBytes: number): Promise<string[]> {
  const size = await fileSize(file);
  if (size === 0) return [];
  const start = Math.max(0, size - maxBytes);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(size - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.subarray(0, bytesRead).toString('utf8').split('\n');
    if (start > 0) lines.shift(); // began mid-line
    if (lines.at(-1) === '') lines.pop();
    return lines;
  } finally {
    await handle.close();
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
