import { setAlarmLabelBodySchema } from '@/lib/contracts/alarms';
import { setAlarmLabel } from '@/server/alarms/set-alarm-label';
import { route } from '@/server/http/route';

/** Operators mark an alarm true or false (null clears it); stored with who and when, audited. */
export const PUT = route({ access: 'operator', body: setAlarmLabelBodySchema }, async ({ app, principal, params, body, clientIp }) => ({
  json: await setAlarmLabel(app, principal!, params.id!, body, clientIp),
}));
