/** Failures particular to the local process runtime. */

export class NoFreePortError extends Error {
  constructor(range: { min: number; max: number }) {
    super(`no free port in ${range.min}–${range.max}: every port is taken or held by another workload`);
    this.name = 'NoFreePortError';
  }
}

/** Another live runtime instance supervises this state file; two would start duplicates. */
export class StateFileLockedError extends Error {
  constructor(lockFile: string, holderPid: number) {
    super(`${lockFile} is held by the live process ${holderPid}: another local runtime supervises these workloads`);
    this.name = 'StateFileLockedError';
  }
}

/** The state file exists but cannot be understood; starting afresh would orphan the processes it lists. */
export class RuntimeStateFileError extends Error {
  constructor(file: string, reason: string) {
    super(`cannot read the local runtime state file ${file}: ${reason}`);
    this.name = 'RuntimeStateFileError';
  }
}
