/** Named failures of the workload runtimes: callers (activities, reconcilers) branch on the class, never on text. */

/** The spec cannot be run by this runtime (invalid id or labels, no command for local, no image for Kubernetes). */
export class WorkloadSpecError extends Error {
  constructor(
    readonly workloadId: string,
    message: string,
  ) {
    super(`workload ${workloadId}: ${message}`);
    this.name = 'WorkloadSpecError';
  }
}

export class WorkloadNotFoundError extends Error {
  constructor(readonly workloadId: string) {
    super(`workload ${workloadId} does not exist`);
    this.name = 'WorkloadNotFoundError';
  }
}

export class RuntimeClosedError extends Error {
  constructor() {
    super('the workload runtime was closed');
    this.name = 'RuntimeClosedError';
  }
}

/** The runtime cannot read this workload's output (e.g. the node's kubelet does not answer log requests). */
export class WorkloadLogsUnavailableError extends Error {
  constructor(
    readonly workloadId: string,
    reason: string,
  ) {
    super(`logs of workload ${workloadId} are unavailable: ${reason}`);
    this.name = 'WorkloadLogsUnavailableError';
  }
}
