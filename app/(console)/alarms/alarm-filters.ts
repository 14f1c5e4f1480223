import { alarmStatuses, type Alarm, type AlarmStatus } from '@/lib/contracts/alarms';

/** The filters of the alarms page: what the URL query holds and what the API is asked (same names). */
export interface AlarmFilterState {
  cameraId?: string;
  pipelineId?: string;
  type?: string;
  status?: AlarmStatus;
  label?: 'true' | 'false' | 'none';
  /** ISO-8601 instants. */
  from?: string;
  to?: string;
}

export const alarmFilterKeys = ['cameraId', 'pipelineId', 'type', 'status', 'label', 'from', 'to'] as const;
const labelValues = ['true', 'false', 'none'] as const;

type QueryInput = URLSearchParams | Record<string, string | string[] | undefined>;

function read(input: QueryInput, key: string): string | undefined {
  const raw = input instanceof URLSearchParams ? input.get(key) : input[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 100) : undefined;
}

function isoOrUndefined(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The filters of a page URL's query; values the API would refuse are dropped (a shared link never errors). */
export function parseAlarmFilters(input: QueryInput): AlarmFilterState {
  const status = read(input, 'status');
  const label = read(input, 'label');
  let from = isoOrUndefined(read(input, 'from'));
  let to = isoOrUndefined(read(input, 'to'));
  if (from && to && from > to) [from, to] = [to, from];
  const filters: AlarmFilterState = {
    cameraId: read(input, 'cameraId'),
    pipelineId: read(input, 'pipelineId'),
    type: read(input, 'type'),
    status: (alarmStatuses as readonly string[]).includes(status ?? '') ? (status as AlarmStatus) : undefined,
    label: (labelValues as readonly string[]).includes(label ?? '') ? (label as AlarmFilterState['label']) : undefined,
    from,
    to,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as AlarmFilterState;
}

/** The filters as a query string (stable key order, empty ones left out), for the page URL and the API alike. */
export function alarmFiltersToQuery(filters: AlarmFilterState, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of alarmFilterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params.toString();
}

/** Whether a live alarm belongs in the filtered list (the same rules as the API's query). */
export function matchesAlarmFilters(alarm: Pick<Alarm, 'cameraId' | 'pipelineId' | 'type' | 'state' | 'label' | 'startedAt'>, filters: AlarmFilterState): boolean {
  if (filters.cameraId && alarm.cameraId !== filters.cameraId) return false;
  if (filters.pipelineId && alarm.pipelineId !== filters.pipelineId) return false;
  if (filters.type && alarm.type !== filters.type) return false;
  if (filters.status === 'open' && alarm.state === 'end') return false;
  if (filters.status === 'closed' && alarm.state !== 'end') return false;
  if (filters.label === 'none' && alarm.label !== null) return false;
  if ((filters.label === 'true' || filters.label === 'false') && alarm.label !== filters.label) return false;
  const started = Date.parse(alarm.startedAt);
  if (filters.from && started < Date.parse(filters.from)) return false;
  if (filters.to && started > Date.parse(filters.to)) return false;
  return true;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the value of an <input type="datetime-local"> in the browser's zone (minutes). */
export function toDateTimeLocal(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the browser's zone) as an ISO instant; undefined when empty or invalid. */
export function fromDateTimeLocal(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
