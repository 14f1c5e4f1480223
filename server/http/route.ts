import { timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../lib/errors';
import { roleAtLeast, type Role } from '../../lib/auth/roles';
import { getAppContext, type AppContext } from '../app-context';
import { authenticate } from '../auth/authenticate';
import type { Principal } from '../auth/principal';
import { csrfHeaderName } from './cookies';
import { errorResponse, jsonResponse } from './error-response';
import { parseJsonBody, parseQuery } from './parse-body';

type Access = Role | 'public';

export interface HandlerInput<TBody, TQuery> {
  app: AppContext;
  request: Request;
  url: URL;
  params: Record<string, string>;
  principal: Principal | undefined;
  body: TBody;
  query: TQuery;
  clientIp: string | null;
}

/** What a handler returns: a Response as is, or a value sent as JSON (status 200 unless given). */
export type HandlerResult = Response | { status?: number; headers?: Record<string, string>; json: unknown };

interface RouteOptions<TBodySchema extends z.ZodType | undefined, TQuerySchema extends z.ZodType | undefined> {
  access: Access;
  body?: TBodySchema;
  query?: TQuerySchema;
  /** Overrides the configured body limit for routes that carry media (alarm snapshots). */
  maxBodyBytes?: number;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

type NextRouteContext = { params: Promise<Record<string, string | string[]> | undefined> };

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one wrapper every API route handler goes through: authentication, role check, CSRF for cookie
 * sessions, body and query validation, and uniform error rendering.
 */
export function route<TBodySchema extends z.ZodType | undefined = undefined, TQuerySchema extends z.ZodType | undefined = undefined>(
  options: RouteOptions<TBodySchema, TQuerySchema>,
  handler: (input: HandlerInput<Infer<TBodySchema>, Infer<TQuerySchema>>) => Promise<HandlerResult>,
): (request: Request, context?: NextRouteContext) => Promise<Response> {
  return async (request, context) => {
    const app = await getAppContext();
    try {
      const url = new URL(request.url);
      const principal = await authenticate(app.db, request, app.now());
      authorize(options.access, principal, request);
      const params = await resolveParams(context);
      const body = (options.body ? await parseJsonBody(request, options.body, options.maxBodyBytes ?? app.config.http.maxBodyBytes) : undefined) as Infer<TBodySchema>;
      const query = (options.query ? parseQuery(url, options.query) : undefined) as Infer<TQuerySchema>;
      const clientIp = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? request.headers.get('x-real-ip');
      const result = await handler({ app, request, url, params, principal, body, query, clientIp });
      return result instanceof Response ? result : jsonResponse(result.json, result.status ?? 200, result.headers);
    } catch (error) {
      const headers: Record<string, string> = error instanceof AppError && error.code === 'rate_limited' && typeof error.details === 'object' && error.details && 'retryAfterSeconds' in error.details
        ? { 'retry-after': String((error.details as { retryAfterSeconds: number }).retryAfterSeconds) }
        : {};
      return errorResponse(error, app.logger, headers);
    }
  };
}

function authorize(access: Access, principal: Principal | undefined, request: Request): void {
  if (access === 'public') return;
  if (!principal) throw new AppError('unauthenticated', 'Authentication required: log in or send an API token');
  if (!roleAtLeast(principal.role, access)) {
    throw new AppError('forbidden', `This action needs the ${access} role; you are ${principal.role}`);
  }
  if (principal.kind === 'user' && !safeMethods.has(request.method)) checkCsrf(principal, request);
}

/** Cookie sessions must echo the session's CSRF token in a header: a cross-site form cannot read it. */
function checkCsrf(principal: Principal, request: Request): void {
  const sent = request.headers.get(csrfHeaderName) ?? '';
  const expected = principal.csrfToken ?? '';
  const ok = sent.length === expected.length && expected.length > 0 && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) throw new AppError('csrf_failed', `Missing or wrong ${csrfHeaderName} header for a session-authenticated change`);
}

async function resolveParams(context: NextRouteContext | undefined): Promise<Record<string, string>> {
  // Next.js resolves params to undefined for routes without dynamic segments.
  const raw = (context ? await context.params : undefined) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value.join('/') : value]));
}
