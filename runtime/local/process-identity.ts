import { readFileSync } from 'node:fs';

/**
 * A pid alone is not an identity: after a reboot or a long downtime the kernel hands the same pid to an
 * unrelated process. The start time from /proc/<pid>/stat (clock ticks since boot) pins the exact process.
 */
export interface ProcessIdentity {
  pid: number;
  startTime: string;
}

interface ProcessStat {
  state: string;
  startTime: string;
}

/** Undefined when the process does not exist (or /proc is unavailable: identities are Linux-only). */
export function readProcessStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may contain spaces or ')': split after the last one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTime = fields[19];
  if (state === undefined || startTime === undefined) return undefined;
  return { state, startTime };
}

export function identifyProcess(pid: number): ProcessIdentity | undefined {
  const stat = readProcessStat(pid);
  return stat ? { pid, startTime: stat.startTime } : undefined;
}

/** True while this very process exists and has not exited (a zombie has exited: it only waits to be reaped). */
export function isProcessRunning(identity: ProcessIdentity): boolean {
  const stat = readProcessStat(identity.pid);
  return stat !== undefined && stat.startTime === identity.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

/**
 * Signals the whole process group the workload leads (it was spawned detached: its own session and group),
 * so that helpers it started go too. A group that is already gone is not an error.
 */
export function signalProcessGroup(leaderPid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-leaderPid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
