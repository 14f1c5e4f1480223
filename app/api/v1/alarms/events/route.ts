import { ingestAlarmEventBodySchema } from '@/lib/contracts/alarms';
import { ingestAlarmEvent } from '@/server/alarms/ingest-alarm-event';
import { route } from '@/server/http/route';

/** Analyzers post incident transitions here with a service token (operator role). */
export const POST = route({ access: 'operator', body: ingestAlarmEventBodySchema, maxBodyBytes: 8 * 1024 * 1024 }, async ({ app, body }) => ({
  status: 201,
  json: await ingestAlarmEvent(app, body),
}));
