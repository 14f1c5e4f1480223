import type { ExportAlarmsQuery } from '../../lib/contracts/alarms';
import type { AppContext } from '../app-context';
import { toAlarm } from './alarm-mapper';
import { alarmCsvColumns, alarmCsvValues, csvLine } from './alarm-csv';
import { selectAlarms } from './select-alarms';

const pageSize = 500;

/**
 * The filtered alarms as CSV (UTF-8 with a BOM so that spreadsheets read non-Latin names), newest first, at most
 * `query.limit` rows. Streamed page by page over the (started_at, id) keyset: memory stays flat whatever the size.
 */
export function exportAlarmsCsv(app: AppContext, query: ExportAlarmsQuery): ReadableStream<Uint8Array> {
  const { limit, ...filters } = query;
  const encoder = new TextEncoder();
  let after: { t: string; id: string } | undefined;
  let written = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(`\uFEFF${csvLine([...alarmCsvColumns])}`));
          return;
        }
        let select = selectAlarms(app.db, filters);
        const cursor = after;
        if (cursor) select = select.where((eb) => eb.or([eb('alarms.started_at', '<', cursor.t), eb.and([eb('alarms.started_at', '=', cursor.t), eb('alarms.id', '<', cursor.id)])]));
        const rows = await select.orderBy('alarms.started_at', 'desc').orderBy('alarms.id', 'desc').limit(Math.min(pageSize, limit - written)).execute();
        if (rows.length > 0) {
          controller.enqueue(encoder.encode(rows.map((row) => csvLine(alarmCsvValues(toAlarm(row)))).join('')));
          written += rows.length;
          const last = rows.at(-1)!;
          after = { t: last.started_at, id: last.id };
        }
        if (rows.length < pageSize || written >= limit) controller.close();
      } catch (error) {
        app.logger.error({ err: error }, 'alarm CSV export failed');
        controller.error(error);
      }
    },
  });
}
