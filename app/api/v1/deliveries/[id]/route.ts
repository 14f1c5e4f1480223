import { getDelivery } from '@/server/deliveries/list-deliveries';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getDelivery(app, params.id!) }));
