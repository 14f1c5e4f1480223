import { z } from 'zod';
import { loginBodySchema, sessionInfoSchema, updateOwnProfileBodySchema, userSchema } from '../../../lib/contracts/users';
import type { ApiOperation } from '../api-operation';

const component = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });

export const systemOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Database and Temporal reachability (503 when degraded)',
    tag: 'system',
    access: 'public',
    response: z.object({ status: z.enum(['ok', 'degraded']), database: component.extend({ dialect: z.string() }), temporal: component.extend({ address: z.string() }), checkedAt: z.string() }),
  },
  { method: 'get', path: '/openapi.json', summary: 'This document', tag: 'system', access: 'public' },
  { method: 'post', path: '/auth/login', summary: 'Log in: sets the session cookie and the CSRF cookie (rate-limited)', tag: 'auth', access: 'public', body: loginBodySchema, response: sessionInfoSchema },
  { method: 'post', path: '/auth/logout', summary: 'Log out (ends the session)', tag: 'auth', access: 'viewer' },
  { method: 'get', path: '/auth/me', summary: 'The caller', tag: 'auth', access: 'viewer', response: sessionInfoSchema },
  { method: 'patch', path: '/auth/me', summary: 'Change your own profile (the console language)', tag: 'auth', access: 'viewer', body: updateOwnProfileBodySchema, response: z.object({ user: userSchema }) },
];
