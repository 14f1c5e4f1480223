import { csrfCookieName, csrfHeaderName } from '@/server/http/cookies';
import { readBrowserCookie } from './browser-cookie';

/** An API failure carrying the server's `{error:{code,message,details}}`, so screens can show its message as is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Browser-side call to Vigil's API with the session cookie. Mutating requests echo the CSRF cookie in
 * the `x-csrf-token` header, which the API requires of every cookie-authenticated change.
 */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const method = (rest.method ?? 'GET').toUpperCase();
  const headers = new Headers(rest.headers);
  headers.set('accept', 'application/json');
  if (json !== undefined) headers.set('content-type', 'application/json');
  const csrfToken = readBrowserCookie(csrfCookieName);
  if (!safeMethods.has(method) && csrfToken) headers.set(csrfHeaderName, csrfToken);

  let response: Response;
  try {
    response = await fetch(path, { ...rest, method, headers, credentials: 'same-origin', body: json === undefined ? rest.body : JSON.stringify(json) });
  } catch {
    throw new ApiError(0, 'network_error', 'Cannot reach the Vigil server. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  // A proxy or a crashed server may answer without Vigil's error shape.
  return new ApiError(status, 'http_error', `The server answered with HTTP ${status}.`);
}
