import { updateCallbackTargetBodySchema } from '@/lib/contracts/callback-targets';
import { getCallbackTarget } from '@/server/callbacks/get-callback-target';
import { deleteCallbackTarget, updateCallbackTarget } from '@/server/callbacks/update-callback-target';
import { route } from '@/server/http/route';

export const GET = route({ access: 'operator' }, async ({ app, params }) => ({ json: await getCallbackTarget(app, params.id!) }));

export const PATCH = route({ access: 'operator', body: updateCallbackTargetBodySchema }, async ({ app, principal, params, body, clientIp }) => ({
  json: await updateCallbackTarget(app, principal!, params.id!, body, clientIp),
}));

export const DELETE = route({ access: 'operator' }, async ({ app, principal, params, clientIp }) => {
  await deleteCallbackTarget(app, principal!, params.id!, clientIp);
  return new Response(null, { status: 204 });
});
