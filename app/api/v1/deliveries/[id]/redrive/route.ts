import { redriveDelivery } from '@/server/deliveries/redrive-delivery';
import { route } from '@/server/http/route';

export const POST = route({ access: 'operator' }, async ({ app, principal, params, clientIp }) => ({
  status: 202,
  json: await redriveDelivery(app, principal!, params.id!, clientIp),
}));
