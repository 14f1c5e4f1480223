import type { z } from 'zod';
import { AppError, type FieldProblem } from '../../lib/errors';

/** zod issues → `[{path, message}]`, with a message naming the first offending field. */
export function validationError(issues: z.core.$ZodIssue[], what: string): AppError {
  const problems: FieldProblem[] = issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    if (issue.code === 'unrecognized_keys') {
      return { path: issue.keys.map((key) => [...issue.path.map(String), key].join('.')).join(', '), message: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    return { path, message: issue.message };
  });
  const first = problems[0];
  const summary = first ? `${first.path}: ${first.message}` : 'invalid';
  return new AppError('validation_failed', `Invalid ${what}: ${summary}`, problems);
}

export async function readTextWithLimit(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new AppError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AppError('payload_too_large', `Request body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    throw new AppError('unsupported_media_type', 'Request body must be JSON (Content-Type: application/json)');
  }
  const text = await readTextWithLimit(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('malformed_json', `Request body is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error.issues, 'request body');
  return parsed.data;
}

export function parseQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw validationError(parsed.error.issues, 'query');
  return parsed.data;
}
