import { route } from '@/server/http/route';
import { requestStop } from '@/server/pipelines/request-deployment';

export const POST = route({ access: 'operator' }, async ({ app, params, principal }) => ({ status: 202, json: await requestStop(app, params.id!, principal!) }));
