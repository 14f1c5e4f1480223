import { alarmSchema, exportAlarmsQuerySchema, setAlarmLabelBodySchema } from '../../../lib/contracts/alarms';
import type { ApiOperation } from '../api-operation';

/** The operator console's alarm endpoints (issue 8): labelling and CSV export. */
export const alarmConsoleOperations: ApiOperation[] = [
  { method: 'put', path: '/alarms/{id}/label', summary: 'Mark an alarm true or false (null clears the label); stored with who and when, audited; feeds alarm-verifier training', tag: 'alarms', access: 'operator', body: setAlarmLabelBodySchema, response: alarmSchema },
  { method: 'get', path: '/alarms/export.csv', summary: 'The filtered alarms as CSV (text/csv, attachment), newest first, streamed, at most `limit` rows', tag: 'alarms', access: 'viewer', query: exportAlarmsQuerySchema },
];
