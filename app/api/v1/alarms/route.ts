import { listAlarmsQuerySchema } from '@/lib/contracts/alarms';
import { listAlarms } from '@/server/alarms/list-alarms';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer', query: listAlarmsQuerySchema }, async ({ app, query }) => ({ json: await listAlarms(app, query) }));
