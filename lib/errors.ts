/** Error codes Vigil answers with at its boundaries; each maps to one HTTP status in server/http. */
export type ErrorCode =
  | 'malformed_json'
  | 'validation_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'dependency_unavailable'
  | 'camera_unreachable'
  | 'compile_failed'
  | 'internal';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A failure with a stable code and a human message, thrown by services and rendered by the HTTP layer. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string, id: string): AppError {
  return new AppError('not_found', `${what} ${id} does not exist`);
}
