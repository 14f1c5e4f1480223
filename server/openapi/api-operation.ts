import type { z } from 'zod';
import type { Role } from '../../lib/auth/roles';

/** One documented endpoint; the OpenAPI document is generated from these and the same zod schemas the handlers use. */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, e.g. `/cameras/{id}` (relative to /api/v1). */
  path: string;
  summary: string;
  tag: string;
  access: Role | 'public';
  body?: z.ZodType;
  query?: z.ZodType;
  response?: z.ZodType;
  /** Status of a success answer when not 200. */
  successStatus?: number;
}
