import type { Alarm } from '../../lib/contracts/alarms';

/** The export's columns, in order: the header row names them. */
export const alarmCsvColumns = [
  'id',
  'startedAt',
  'updatedAt',
  'endedAt',
  'state',
  'type',
  'cameraId',
  'cameraName',
  'pipelineId',
  'pipelineName',
  'pipelineRevision',
  'algorithmId',
  'algorithmName',
  'algorithmVersion',
  'objects',
  'topLabel',
  'topScore',
  'label',
  'labeledBy',
  'labeledAt',
] as const;

type CsvValue = string | number | null;

/** One alarm as the export's row, in column order. */
export function alarmCsvValues(alarm: Alarm): CsvValue[] {
  const top = [...alarm.event.objects].sort((a, b) => b.score - a.score)[0];
  const byColumn: Record<(typeof alarmCsvColumns)[number], CsvValue> = {
    id: alarm.id,
    startedAt: alarm.startedAt,
    updatedAt: alarm.updatedAt,
    endedAt: alarm.endedAt,
    state: alarm.state,
    type: alarm.type,
    cameraId: alarm.cameraId,
    cameraName: alarm.event.camera.name,
    pipelineId: alarm.pipelineId,
    pipelineName: alarm.event.pipeline.name,
    pipelineRevision: alarm.pipelineRevision,
    algorithmId: alarm.algorithmId,
    algorithmName: alarm.event.algorithm.name,
    algorithmVersion: alarm.event.algorithm.version,
    objects: alarm.event.objects.length,
    topLabel: top?.label ?? null,
    topScore: top ? top.score : null,
    label: alarm.label,
    labeledBy: alarm.labeledBy ? (alarm.labeledBy.username ?? alarm.labeledBy.id) : null,
    labeledAt: alarm.labeledAt,
  };
  return alarmCsvColumns.map((column) => byColumn[column]);
}

// Spreadsheets run a cell that starts with one of these as a formula (CSV injection): such text gets a leading '.
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, or has edge spaces; quotes doubled.
 * Text (never numbers) that a spreadsheet would read as a formula is prefixed with an apostrophe.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF line end. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
