import { z } from 'zod';
import { RequestError } from './request-error';

/** Parses and validates the optional X-Params header (JSON) against the detector's schema; absent means defaults. */
export function parseParams<Params>(header: string | string[] | undefined, schema: z.ZodType<Params>): Params {
  const text = Array.isArray(header) ? header.join(',') : header;
  let value: unknown = {};
  if (text !== undefined && text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new RequestError(400, 'bad_params', `X-Params is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RequestError(400, 'bad_params', `X-Params does not match the algorithm's params schema (see GET /v1/info): ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
}
