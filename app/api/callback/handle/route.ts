import { listCallbackArrivalsQuerySchema } from '@/lib/contracts/callback-arrivals';
import { listCallbackArrivals } from '@/server/callbacks/list-callback-arrivals';
import { receiveCallback } from '@/server/callbacks/receive-callback';
import { route } from '@/server/http/route';

/** The built-in receiver (seed: /api/callback/handle). Public like any webhook endpoint: the signature, not a login, says who sent it. */
export const POST = route({ access: 'public' }, async ({ app, request }) => ({ json: { received: true, ...(await receiveCallback(app, request)) } }));

export const GET = route({ access: 'viewer', query: listCallbackArrivalsQuerySchema }, async ({ app, query }) => ({ json: { items: await listCallbackArrivals(app, query.limit) } }));
