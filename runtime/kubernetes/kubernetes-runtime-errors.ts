/** Failures particular to the Kubernetes runtime. */

/** The API server refused a request for a reason other than the spec (unreachable, forbidden, a server error). */
export class KubernetesApiError extends Error {
  constructor(
    readonly operation: string,
    readonly statusCode: number | undefined,
    readonly reason: string,
  ) {
    super(`Kubernetes API: ${operation} failed${statusCode === undefined ? '' : ` (${statusCode})`}: ${reason}`);
    this.name = 'KubernetesApiError';
  }
}

/** A Deployment or Service with a workload's name exists in the namespace but was not made by Vigil; it is left alone. */
export class ForeignObjectError extends Error {
  constructor(
    readonly workloadId: string,
    kind: string,
  ) {
    super(`workload ${workloadId}: a ${kind} with this name exists and is not managed by Vigil; refusing to take it over`);
    this.name = 'ForeignObjectError';
  }
}
