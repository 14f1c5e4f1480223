import { RequestError } from './request-error';

export const defaultStreamId = 'default';

/** X-Stream-Id keys per-stream state (the motion background); short and printable so it is safe to log. */
export function readStreamId(header: string | string[] | undefined): string {
  if (header === undefined) return defaultStreamId;
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!/^[\w.:@/-]{1,128}$/.test(value)) {
    throw new RequestError(400, 'bad_stream_id', 'X-Stream-Id must be 1–128 characters of letters, digits and . _ - : @ /');
  }
  return value;
}
