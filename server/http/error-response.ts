import { AppError, type ErrorCode } from '../../lib/errors';
import type { Logger } from '../logger';

const statusByCode: Record<ErrorCode, number> = {
  malformed_json: 400,
  validation_failed: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  dependency_unavailable: 503,
  camera_unreachable: 502,
  compile_failed: 422,
  internal: 500,
};

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** Renders any thrown value as `{error:{code,message,details}}`; unknown failures are logged and hidden. */
export function errorResponse(error: unknown, logger: Logger, headers: Record<string, string> = {}): Response {
  if (error instanceof AppError) {
    return jsonResponse({ error: { code: error.code, message: error.message, details: error.details ?? null } }, statusByCode[error.code], headers);
  }
  logger.error({ err: error }, 'unhandled error in request');
  return jsonResponse({ error: { code: 'internal', message: 'Internal server error', details: null } }, 500, headers);
}
