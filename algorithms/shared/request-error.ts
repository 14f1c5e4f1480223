/** A client mistake or a refusal, answered as `{error:{code,message,details}}` (DESIGN.md §7) with its status. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
