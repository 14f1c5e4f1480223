import { createCallbackTargetBodySchema } from '@/lib/contracts/callback-targets';
import { createCallbackTarget } from '@/server/callbacks/create-callback-target';
import { listCallbackTargets } from '@/server/callbacks/get-callback-target';
import { route } from '@/server/http/route';

export const GET = route({ access: 'operator' }, async ({ app }) => ({ json: { items: await listCallbackTargets(app) } }));

export const POST = route({ access: 'operator', body: createCallbackTargetBodySchema }, async ({ app, principal, body, clientIp }) => ({
  status: 201,
  json: await createCallbackTarget(app, principal!, body, clientIp),
}));
