import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StateFileLockedError } from './local-runtime-errors';
import { identifyProcess, isProcessRunning } from './process-identity';

export interface StateFileLock {
  release(): Promise<void>;
}

/**
 * One runtime instance per state file: a second live supervisor would restart the first one's workloads as
 * "missing" and run duplicates. A lock left by an instance that died (kill -9, power loss) is taken over:
 * its holder, identified by pid and start time, no longer runs.
 */
export async function acquireStateFileLock(stateFile: string): Promise<StateFileLock> {
  const lockFile = `${stateFile}.lock`;
  await mkdir(dirname(lockFile), { recursive: true });
  const self = identifyProcess(process.pid);
  const token = randomUUID();
  const content = JSON.stringify({ pid: process.pid, startTime: self?.startTime ?? '', token });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(content);
      await handle.close();
      return { release: () => releaseIfOurs(lockFile, token) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(lockFile);
      if (holder && isProcessRunning({ pid: holder.pid, startTime: holder.startTime })) throw new StateFileLockedError(lockFile, holder.pid);
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`could not take ${lockFile}: another instance keeps taking it`);
}

async function readHolder(lockFile: string): Promise<{ pid: number; startTime: string; token: string } | undefined> {
  try {
    return JSON.parse(await readFile(lockFile, 'utf8')) as { pid: number; startTime: string; token: string };
  } catch {
    return undefined; // unreadable or half-written by a crashed instance: stale
  }
}

async function releaseIfOurs(lockFile: string, token: string): Promise<void> {
  const holder = await readHolder(lockFile);
  if (holder?.token === token) await rm(lockFile, { force: true });
}
