import { rotateCallbackTargetSecret } from '@/server/callbacks/update-callback-target';
import { route } from '@/server/http/route';

export const POST = route({ access: 'operator' }, async ({ app, principal, params, clientIp }) => ({
  json: await rotateCallbackTargetSecret(app, principal!, params.id!, clientIp),
}));
