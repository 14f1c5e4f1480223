import { apiTokenListSchema, createApiTokenBodySchema, createdApiTokenSchema, listApiTokensQuerySchema } from '../../../lib/contracts/tokens';
import type { ApiOperation } from '../api-operation';

export const tokenOperations: ApiOperation[] = [
  { method: 'get', path: '/tokens', summary: "List your API tokens that are not revoked (admins: ?all=true for everyone's)", tag: 'tokens', access: 'viewer', query: listApiTokensQuerySchema, response: apiTokenListSchema },
  {
    method: 'post',
    path: '/tokens',
    summary: 'Create an API token (from a session only); the secret is in this answer once; the role may not exceed yours (403)',
    tag: 'tokens',
    access: 'viewer',
    body: createApiTokenBodySchema,
    response: createdApiTokenSchema,
    successStatus: 201,
  },
  { method: 'delete', path: '/tokens/{id}', summary: 'Revoke an API token (owner or admin; 404 otherwise)', tag: 'tokens', access: 'viewer', successStatus: 204 },
];
