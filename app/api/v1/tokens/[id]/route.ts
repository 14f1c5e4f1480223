import { route } from '@/server/http/route';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';

export const DELETE = route({ access: 'viewer' }, async ({ app, principal, params, clientIp }) => {
  await revokeApiToken(app, principal!, params.id!, clientIp);
  return new Response(null, { status: 204 });
});
