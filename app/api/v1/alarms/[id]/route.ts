import { getAlarm } from '@/server/alarms/list-alarms';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getAlarm(app, params.id!) }));
