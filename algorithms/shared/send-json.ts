import type { ServerResponse } from 'node:http';
import type { RequestError } from './request-error';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Errors use the platform's shape `{error:{code,message,details}}` (DESIGN.md §7). */
export function sendError(response: ServerResponse, error: RequestError): void {
  const headers: Record<string, string> = error.status === 503 ? { 'retry-after': '1' } : {};
  sendJson(response, error.status, { error: { code: error.code, message: error.message, details: error.details ?? null } }, headers);
}
