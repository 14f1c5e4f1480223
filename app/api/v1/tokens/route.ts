import { createApiTokenBodySchema, listApiTokensQuerySchema } from '@/lib/contracts/tokens';
import { route } from '@/server/http/route';
import { createApiToken } from '@/server/tokens/create-api-token';
import { listApiTokens } from '@/server/tokens/list-api-tokens';

export const GET = route({ access: 'viewer', query: listApiTokensQuerySchema }, async ({ app, principal, query }) => ({
  json: { items: await listApiTokens(app.db, principal!, { all: query.all === 'true' }) },
}));

export const POST = route({ access: 'viewer', body: createApiTokenBodySchema }, async ({ app, principal, body, clientIp }) => ({
  status: 201,
  json: await createApiToken(app, principal!, body, clientIp),
}));
