import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as alarms from '../app/api/v1/alarms/route';
import * as alarm from '../app/api/v1/alarms/[id]/route';
import type { AlarmEvent } from '../lib/contracts/alarms';
import { recordAlarmEvent } from '../server/alarms/record-alarm-event';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

function event(index: number, overrides: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    id: `alm_${String(index).padStart(4, '0')}`,
    version: 1,
    type: index % 2 === 0 ? 'intrusion' : 'loitering',
    state: 'start',
    time: new Date(Date.UTC(2026, 10, 1, 8, 0, index)).toISOString(),
    pipeline: { id: index % 3 === 0 ? 'pip_a' : 'pip_b', name: 'P', revision: 1 },
    camera: { id: index < 10 ? 'cam_1' : 'cam_2', name: 'C' },
    algorithm: { id: 'alg_1', name: 'person', version: '1.0.0' },
    objects: [{ label: 'person', score: 0.9, box: { x: 1, y: 2, width: 30, height: 60 } }],
    ...overrides,
  };
}

describe.each(dialects)('alarms API on %s', (dialect) => {
  let t: TestApp;
  let viewer: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    viewer = await loggedIn(t, 'viewer');
    for (let i = 0; i < 25; i++) await recordAlarmEvent(t.app.db, event(i), null);
  });
  afterAll(async () => t.close());

  it('pages through every alarm newest first with a cursor, without repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { json: { items: { id: string }[]; nextCursor: string | null } } = await viewer.call(alarms.GET, {
        path: `/api/v1/alarms?limit=10${cursor ? `&cursor=${cursor}` : ''}`,
      });
      seen.push(...res.json.items.map((a) => a.id));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen[0]).toBe('alm_0024');
    expect(seen.at(-1)).toBe('alm_0000');
  });

  it('filters by camera, pipeline, type, time range and label', async () => {
    const ids = async (query: string) => ((await viewer.call(alarms.GET, { path: `/api/v1/alarms?limit=200&${query}` })).json.items as { id: string }[]).map((a) => a.id);
    expect(await ids('cameraId=cam_1')).toHaveLength(10);
    expect(await ids('pipelineId=pip_a')).toHaveLength(9);
    expect(await ids('type=intrusion&cameraId=cam_2')).toHaveLength(8);
    const from = new Date(Date.UTC(2026, 10, 1, 8, 0, 20)).toISOString();
    expect(await ids(`from=${from}`)).toEqual(['alm_0024', 'alm_0023', 'alm_0022', 'alm_0021', 'alm_0020']);
    await t.app.db.updateTable('alarms').set({ label: 'false' }).where('id', '=', 'alm_0003').execute();
    expect(await ids('label=false')).toEqual(['alm_0003']);
    expect(await ids('label=none')).toHaveLength(24);
  });

  it('moves one alarm through start → update → end and ignores a re-sent start', async () => {
    const start = event(100, { time: '2026-11-02T10:00:00.000Z' });
    await recordAlarmEvent(t.app.db, start, null);
    await recordAlarmEvent(t.app.db, { ...start, state: 'update', time: '2026-11-02T10:00:05.000Z' }, null);
    await recordAlarmEvent(t.app.db, { ...start, state: 'end', time: '2026-11-02T10:00:09.000Z' }, null);
    await recordAlarmEvent(t.app.db, start, null);
    const res = await viewer.call(alarm.GET, { params: { id: start.id } });
    expect(res.json).toMatchObject({ state: 'end', startedAt: '2026-11-02T10:00:00.000Z', endedAt: '2026-11-02T10:00:09.000Z' });
  });

  it('rejects bad filters naming the parameter', async () => {
    const badState = await viewer.call(alarms.GET, { path: '/api/v1/alarms?state=maybe' });
    expect(badState.status).toBe(400);
    expect(badState.json.error.message).toContain('state');
    expect((await viewer.call(alarms.GET, { path: '/api/v1/alarms?limit=5000' })).json.error.message).toContain('limit');
    expect((await viewer.call(alarms.GET, { path: '/api/v1/alarms?cursor=garbage' })).json.error.message).toContain('cursor');
    expect((await viewer.call(alarms.GET, { path: '/api/v1/alarms?from=yesterday' })).status).toBe(400);
    expect((await viewer.call(alarms.GET, { path: '/api/v1/alarms?color=red' })).json.error.message).toContain('color');
  });

  it('needs authentication', async () => {
    expect((await new ApiClient().call(alarms.GET, { path: '/api/v1/alarms' })).status).toBe(401);
  });
});
