import { describe, expect, it } from 'vitest';
import { alarmFiltersToQuery, fromDateTimeLocal, matchesAlarmFilters, parseAlarmFilters, toDateTimeLocal } from './alarm-filters';

describe('alarm filters', () => {
  it('reads the URL query, normalising times and dropping values the API would refuse', () => {
    expect(parseAlarmFilters(new URLSearchParams('cameraId=cam_1&status=open&label=none&from=2026-11-03T09:00:00Z&id=alm_1'))).toEqual({
      cameraId: 'cam_1',
      status: 'open',
      label: 'none',
      from: '2026-11-03T09:00:00.000Z',
    });
    expect(parseAlarmFilters({ status: 'maybe', label: 'perhaps', from: 'yesterday', type: ['intrusion', 'x'], pipelineId: '  ' })).toEqual({ type: 'intrusion' });
  });

  it('swaps a reversed time range instead of failing', () => {
    expect(parseAlarmFilters({ from: '2026-11-04T00:00:00Z', to: '2026-11-03T00:00:00Z' })).toEqual({ from: '2026-11-03T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z' });
  });

  it('writes a query in a stable order that reads back to the same filters', () => {
    const filters = { to: '2026-11-04T00:00:00.000Z', label: 'false' as const, cameraId: 'cam 1&2', type: 'intrusion' };
    const query = alarmFiltersToQuery(filters, { cursor: 'abc', limit: undefined });
    expect(query).toBe('cameraId=cam+1%262&type=intrusion&label=false&to=2026-11-04T00%3A00%3A00.000Z&cursor=abc');
    expect(parseAlarmFilters(new URLSearchParams(query))).toEqual(filters);
    expect(alarmFiltersToQuery({})).toBe('');
  });

  it('matches a live alarm by the same rules as the API', () => {
    const alarm = { cameraId: 'cam_1', pipelineId: 'pip_1', type: 'intrusion', state: 'start' as const, label: null, startedAt: '2026-11-03T10:00:00.000Z' };
    expect(matchesAlarmFilters(alarm, {})).toBe(true);
    expect(matchesAlarmFilters(alarm, { cameraId: 'cam_1', status: 'open', label: 'none', from: '2026-11-03T09:00:00Z' })).toBe(true);
    expect(matchesAlarmFilters(alarm, { cameraId: 'cam_2' })).toBe(false);
    expect(matchesAlarmFilters(alarm, { pipelineId: 'pip_2' })).toBe(false);
    expect(matchesAlarmFilters(alarm, { type: 'loitering' })).toBe(false);
    expect(matchesAlarmFilters(alarm, { status: 'closed' })).toBe(false);
    expect(matchesAlarmFilters({ ...alarm, state: 'end' }, { status: 'open' })).toBe(false);
    expect(matchesAlarmFilters(alarm, { label: 'true' })).toBe(false);
    expect(matchesAlarmFilters({ ...alarm, label: 'true' }, { label: 'none' })).toBe(false);
    expect(matchesAlarmFilters(alarm, { to: '2026-11-03T09:59:59Z' })).toBe(false);
    expect(matchesAlarmFilters(alarm, { from: '2026-11-03T10:00:01Z' })).toBe(false);
  });

  it('converts between datetime-local values (browser zone) and instants', () => {
    const iso = fromDateTimeLocal('2026-11-03T09:30');
    expect(iso).toBe(new Date(2026, 10, 3, 9, 30).toISOString());
    expect(toDateTimeLocal(iso)).toBe('2026-11-03T09:30');
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('soon')).toBeUndefined();
    expect(toDateTimeLocal(undefined)).toBe('');
  });
});
