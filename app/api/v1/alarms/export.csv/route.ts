import { exportAlarmsQuerySchema } from '@/lib/contracts/alarms';
import { exportAlarmsCsv } from '@/server/alarms/export-alarms-csv';
import { route } from '@/server/http/route';

/** The filtered alarm list as a CSV download (same filters as GET /alarms), streamed, at most `limit` rows. */
export const GET = route({ access: 'viewer', query: exportAlarmsQuerySchema }, async ({ app, query }) => {
  const stamp = app.now().toISOString().slice(0, 19).replaceAll(':', '-');
  return new Response(exportAlarmsCsv(app, query), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="vigil-alarms-${stamp}.csv"`,
      'cache-control': 'no-store',
      'x-vigil-export-limit': String(query.limit),
    },
  });
});
