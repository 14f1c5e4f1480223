import type { Alarm, SetAlarmLabelBody } from '../../lib/contracts/alarms';
import { notFound } from '../../lib/errors';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { getAlarm } from './list-alarms';

/**
 * An operator's verdict: a true or a false alarm (null clears it), with who and when. These labels are what the
 * alarm-verifier training reads (training/alarm-verifier/alarm-crops.ts, readLabelledAlarms).
 */
export async function setAlarmLabel(app: AppContext, actor: Principal, id: string, body: SetAlarmLabelBody, ip: string | null): Promise<Alarm> {
  const at = app.now();
  const previous = await app.db.selectFrom('alarms').select(['label']).where('id', '=', id).executeTakeFirst();
  if (!previous) throw notFound('Alarm', id);
  await app.db
    .updateTable('alarms')
    .set(body.label === null ? { label: null, labeled_by: null, labeled_at: null } : { label: body.label, labeled_by: actor.userId, labeled_at: at.toISOString() })
    .where('id', '=', id)
    .execute();
  await recordAudit(app.db, { actor, action: body.label === null ? 'alarm.label.clear' : 'alarm.label', resourceType: 'alarm', resourceId: id, details: { label: body.label, previous: previous.label }, ip, at });
  return getAlarm(app, id);
}
