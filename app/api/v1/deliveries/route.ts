import { listDeliveriesQuerySchema } from '@/lib/contracts/deliveries';
import { listDeliveries } from '@/server/deliveries/list-deliveries';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer', query: listDeliveriesQuerySchema }, async ({ app, query }) => ({ json: { items: await listDeliveries(app, query) } }));
