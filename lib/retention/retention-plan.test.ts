import { describe, expect, it } from 'vitest';
import { alarmSnapshotDays, diskGuardCandidates, expiredSnapshotDays, freePercent, parseRunAt, retentionCutoff } from './retention-plan';
import { addAlarmBatch, addExpiredDays, emptyRetentionReport } from './retention-report';

describe('retention plan', () => {
  it('puts the cutoff N days before now', () => {
    expect(retentionCutoff(new Date('2026-11-30T12:00:00.000Z'), 30)).toBe('2026-10-31T12:00:00.000Z');
  });

  it('expires a day folder only when its whole day is before the cutoff', () => {
    const days = ['2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01', 'thumbnails', '2026-1-1'];
    expect(expiredSnapshotDays(days, '2026-10-31T12:00:00.000Z')).toEqual(['2026-10-29', '2026-10-30']);
    expect(expiredSnapshotDays(days, '2026-11-01T00:00:00.000Z')).toEqual(['2026-10-29', '2026-10-30', '2026-10-31']);
  });

  it('lists the days an incident can have snapshots in', () => {
    expect(alarmSnapshotDays('2026-10-30T23:59:00.000Z', '2026-11-01T00:01:00.000Z')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
    expect(alarmSnapshotDays('2026-10-30T10:00:00.000Z', '2026-10-30T10:00:00.000Z')).toEqual(['2026-10-30']);
  });

  it('lets the disk guard take days oldest first, never today', () => {
    expect(diskGuardCandidates(['2026-11-03', '2026-11-01', '2026-11-02', 'x'], '2026-11-03')).toEqual(['2026-11-01', '2026-11-02']);
    expect(freePercent({ totalBytes: 200, freeBytes: 50 })).toBe(25);
  });

  it('parses HH:MM and refuses anything else', () => {
    expect(parseRunAt('03:05')).toEqual({ hour: 3, minute: 5 });
    expect(() => parseRunAt('24:00')).toThrow(/HH:MM/);
  });

  it('adds batches and swept days into one report', () => {
    let report = emptyRetentionReport(10);
    report = addAlarmBatch(report, { alarms: 3, deliveries: 2, attempts: 5, files: 3, bytes: 300 });
    report = addAlarmBatch(report, { alarms: 1, deliveries: 0, attempts: 0, files: 1, bytes: 100 });
    report = addExpiredDays(report, { days: ['2026-10-01'], files: 2, bytes: 50 });
    expect(report).toMatchObject({ alarms: 4, deliveries: 2, attempts: 5, batches: 2, snapshotFiles: 6, snapshotBytes: 450, snapshotDays: ['2026-10-01'] });
  });
});
