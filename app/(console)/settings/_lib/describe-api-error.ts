import { ApiError } from '../../../_lib/api-fetch';

export interface ErrorTexts {
  lastAdmin: string;
  forbidden: string;
  network: string;
  failed: (message: string) => string;
}

export interface DescribedError {
  message: string;
  /** Field problems of a validation error (`path: message`), shown as a list. */
  fields: string[];
}

/** Turns an API failure into words for the screen: known reasons in the user's language, field problems by path. */
export function describeApiError(error: unknown, texts: ErrorTexts): DescribedError {
  if (!(error instanceof ApiError)) return { message: texts.failed(error instanceof Error ? error.message : String(error)), fields: [] };
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  if (error.code === 'conflict' && reason === 'last_admin') return { message: texts.lastAdmin, fields: [] };
  if (error.code === 'forbidden') return { message: texts.forbidden, fields: [] };
  if (error.code === 'network_error') return { message: texts.network, fields: [] };
  const fields = Array.isArray(error.details)
    ? error.details.filter((problem): problem is { path: string; message: string } => typeof problem?.path === 'string' && typeof problem?.message === 'string').map((problem) => `${problem.path || '(body)'}: ${problem.message}`)
    : [];
  return { message: texts.failed(error.message), fields };
}
