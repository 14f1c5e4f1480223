import { dashboardQuerySchema } from '@/lib/contracts/dashboard';
import { buildDashboard } from '@/server/dashboard/build-dashboard';
import { consoleTimeZone } from '@/server/dashboard/console-time-zone';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer', query: dashboardQuerySchema }, async ({ app, query }) => ({ json: await buildDashboard(app, query.timeZone ?? consoleTimeZone) }));

export const dynamic = 'force-dynamic';
