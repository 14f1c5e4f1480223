import Papa from 'papaparse';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as alarms from '../app/api/v1/alarms/route';
import * as alarm from '../app/api/v1/alarms/[id]/route';
import * as label from '../app/api/v1/alarms/[id]/label/route';
import * as events from '../app/api/v1/alarms/events/route';
import * as exportCsv from '../app/api/v1/alarms/export.csv/route';
import type { Alarm, AlarmEvent } from '../lib/contracts/alarms';
import { alarmCsvColumns } from '../server/alarms/alarm-csv';
import { recordAlarmEvent } from '../server/alarms/record-alarm-event';
import { readLabelledAlarms } from '../training/alarm-verifier/alarm-crops';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

function event(index: number, overrides: Partial<AlarmEvent> = {}): AlarmEvent {
  return {
    id: `alm_c${String(index).padStart(4, '0')}`,
    version: 1,
    type: index % 2 === 0 ? 'intrusion' : 'loitering',
    state: 'start',
    time: new Date(Date.UTC(2026, 10, 3, 9, 0, index)).toISOString(),
    pipeline: { id: index % 3 === 0 ? 'pip_a' : 'pip_b', name: 'Gate pipeline', revision: 2 },
    camera: { id: index < 6 ? 'cam_1' : 'cam_2', name: index === 1 ? 'Gate, "North"\nsecond line' : index === 2 ? '=HYPERLINK("x")' : `Camera ${index}` },
    algorithm: { id: index % 4 === 0 ? 'alg_fire' : 'alg_person', name: 'person', version: '1.2.0' },
    objects: [
      { label: 'person', score: 0.5, box: { x: 1, y: 2, width: 30, height: 60 } },
      { label: index % 2 === 0 ? 'car' : 'dog', score: 0.875, box: { x: 5, y: 6, width: 10, height: 10 } },
    ],
    ...overrides,
  };
}

type Page = { items: Alarm[]; nextCursor: string | null };

describe.each(dialects)('alarms console API on %s', (dialect) => {
  let t: TestApp;
  let viewer: ApiClient;
  let operator: ApiClient;
  let operatorName: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    viewer = await loggedIn(t, 'viewer');
    const user = await t.createUser('operator');
    operatorName = user.username;
    operator = new ApiClient();
    const { POST: login } = await import('../app/api/v1/auth/login/route');
    expect((await operator.call(login, { method: 'POST', body: { username: user.username, password: user.password } })).status).toBe(200);
    for (let i = 0; i < 12; i++) await recordAlarmEvent(t.app.db, event(i), null);
    // Alarms 0–3 ended (closed); the rest are still open.
    for (let i = 0; i < 4; i++) await recordAlarmEvent(t.app.db, { ...event(i), state: 'end', time: new Date(Date.UTC(2026, 10, 3, 9, 5, i)).toISOString() }, null);
  });
  afterAll(async () => t.close());

  const ids = async (query: string) => ((await viewer.call<Page>(alarms.GET, { path: `/api/v1/alarms?limit=200&${query}` })).json.items).map((a) => a.id);
  const putLabel = (client: ApiClient, id: string, body: unknown, headers: Record<string, string> = {}) => client.call(label.PUT, { method: 'PUT', params: { id }, path: `/api/v1/alarms/${id}/label`, body, headers });

  it('filters by open/closed status, algorithm and state, combined with camera', async () => {
    expect(await ids('status=closed')).toEqual(['alm_c0003', 'alm_c0002', 'alm_c0001', 'alm_c0000']);
    expect(await ids('status=open')).toHaveLength(8);
    expect(await ids('status=open&cameraId=cam_1')).toEqual(['alm_c0005', 'alm_c0004']);
    expect(await ids('algorithmId=alg_fire')).toEqual(['alm_c0008', 'alm_c0004', 'alm_c0000']);
    expect(await ids('state=end&type=intrusion')).toEqual(['alm_c0002', 'alm_c0000']);
    const from = new Date(Date.UTC(2026, 10, 3, 9, 0, 3)).toISOString();
    const to = new Date(Date.UTC(2026, 10, 3, 9, 0, 5)).toISOString();
    expect(await ids(`from=${from}&to=${to}&pipelineId=pip_b`)).toEqual(['alm_c0005', 'alm_c0004']);
  });

  it('rejects a bad status, a reversed time range and an oversized filter, naming the parameter', async () => {
    const status = await viewer.call(alarms.GET, { path: '/api/v1/alarms?status=maybe' });
    expect(status.status).toBe(400);
    expect(status.json.error.message).toContain('status');
    const reversed = await viewer.call(alarms.GET, { path: '/api/v1/alarms?from=2026-11-04T00:00:00Z&to=2026-11-03T00:00:00Z' });
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.message).toContain('from');
    expect((await viewer.call(alarms.GET, { path: `/api/v1/alarms?cameraId=${'x'.repeat(101)}` })).status).toBe(400);
  });

  it('operators label an alarm true, false and clear it: stored with who and when, audited, filterable', async () => {
    const marked = await putLabel(operator, 'alm_c0007', { label: 'true' });
    expect(marked.status).toBe(200);
    expect(marked.json).toMatchObject({ id: 'alm_c0007', label: 'true', labeledBy: { username: operatorName } });
    expect(Date.parse(marked.json.labeledAt)).not.toBeNaN();
    expect((await putLabel(operator, 'alm_c0006', { label: 'false' })).json.label).toBe('false');
    expect(await ids('label=true')).toEqual(['alm_c0007']);
    expect(await ids('label=false')).toEqual(['alm_c0006']);
    expect(await ids('label=none')).toHaveLength(10);
    // The detail answers the same.
    expect((await viewer.call(alarm.GET, { params: { id: 'alm_c0006' } })).json).toMatchObject({ label: 'false', labeledBy: { username: operatorName } });

    const cleared = await putLabel(operator, 'alm_c0006', { label: null });
    expect(cleared.json).toMatchObject({ label: null, labeledBy: null, labeledAt: null });
    expect(await ids('label=false')).toEqual([]);

    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'resource_id', 'details', 'actor_id']).where('resource_type', '=', 'alarm').orderBy('at').orderBy('id').execute();
    expect(audit.map((row) => [row.action, row.resource_id, JSON.parse(row.details)])).toEqual([
      ['alarm.label', 'alm_c0007', { label: 'true', previous: null }],
      ['alarm.label', 'alm_c0006', { label: 'false', previous: null }],
      ['alarm.label.clear', 'alm_c0006', { label: null, previous: 'false' }],
    ]);
    expect(new Set(audit.map((row) => row.actor_id)).size).toBe(1);
    expect(audit[0]!.actor_id).toBe(marked.json.labeledBy.id);
  });

  it('refuses labels from viewers, without CSRF, with a bad body, and for unknown alarms', async () => {
    const byViewer = await putLabel(viewer, 'alm_c0005', { label: 'true' });
    expect(byViewer.status).toBe(403);
    expect(byViewer.json.error.code).toBe('forbidden');
    const noCsrf = await putLabel(operator, 'alm_c0005', { label: 'true' }, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.json.error.code).toBe('csrf_failed');
    const bad = await putLabel(operator, 'alm_c0005', { label: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('label');
    expect((await putLabel(operator, 'alm_c0005', { label: 'true', note: 'x' })).status).toBe(400);
    expect((await putLabel(operator, 'alm_missing', { label: 'true' })).status).toBe(404);
    expect((await new ApiClient().call(label.PUT, { method: 'PUT', params: { id: 'alm_c0005' }, body: { label: 'true' } })).status).toBe(401);
    expect((await viewer.call(alarm.GET, { params: { id: 'alm_c0005' } })).json.label).toBeNull();
  });

  async function csv(client: ApiClient, query: string): Promise<{ status: number; headers: Headers; text: string }> {
    const response = await exportCsv.GET(new Request(`http://vigil.test/api/v1/alarms/export.csv?${query}`, { headers: { cookie: client.cookieHeader() } }));
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  it('exports the filtered list as CSV that parses back to the same rows (quotes, commas, newlines, formulas)', async () => {
    const listed = (await viewer.call<Page>(alarms.GET, { path: '/api/v1/alarms?limit=200&cameraId=cam_1' })).json.items;
    const res = await csv(viewer, 'cameraId=cam_1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="vigil-alarms-[\d-T]+\.csv"$/);
    const parsed = Papa.parse<Record<string, string>>(res.text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...alarmCsvColumns]);
    expect(parsed.data.map((row) => row.id)).toEqual(listed.map((a) => a.id));
    const byId = new Map(parsed.data.map((row) => [row.id!, row]));
    for (const a of listed) {
      const row = byId.get(a.id)!;
      expect(row).toMatchObject({ startedAt: a.startedAt, endedAt: a.endedAt ?? '', state: a.state, type: a.type, cameraId: a.cameraId, pipelineId: a.pipelineId, pipelineRevision: '2', algorithmId: a.algorithmId, objects: '2', topScore: '0.875' });
    }
    expect(byId.get('alm_c0001')!.cameraName).toBe('Gate, "North"\nsecond line');
    expect(byId.get('alm_c0001')!.topLabel).toBe('dog');
    // A cell a spreadsheet would run as a formula is defused.
    expect(byId.get('alm_c0002')!.cameraName).toBe(`'=HYPERLINK("x")`);
  });

  it('exports labels with who set them, honours the limit, and refuses strangers and bad filters', async () => {
    const labelled = Papa.parse<Record<string, string>>((await csv(viewer, 'label=true')).text, { header: true, skipEmptyLines: true }).data;
    expect(labelled).toHaveLength(1);
    expect(labelled[0]).toMatchObject({ id: 'alm_c0007', label: 'true', labeledBy: operatorName });
    const limited = await csv(viewer, 'limit=3');
    expect(limited.headers.get('x-vigil-export-limit')).toBe('3');
    expect(Papa.parse<Record<string, string>>(limited.text, { header: true, skipEmptyLines: true }).data.map((row) => row.id)).toEqual(['alm_c0011', 'alm_c0010', 'alm_c0009']);
    expect((await csv(new ApiClient(), '')).status).toBe(401);
    const bad = await csv(viewer, 'limit=999999');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text).error.message).toContain('limit');
    expect((await csv(viewer, 'cursor=abc')).status).toBe(400);
  });

  it('streams exports longer than one page without repeats or gaps', async () => {
    const base = Date.UTC(2026, 9, 1);
    const rows = Array.from({ length: 1203 }, (_, i) => {
      const e = event(i, { id: `alm_bulk${String(i).padStart(5, '0')}`, camera: { id: 'cam_bulk', name: 'Bulk' }, time: new Date(base + Math.floor(i / 3) * 1000).toISOString() });
      return { id: e.id, pipeline_id: 'pip_bulk', pipeline_revision: 1, camera_id: 'cam_bulk', algorithm_id: 'alg_person', type: 'intrusion', state: 'start' as const, started_at: e.time, updated_at: e.time, ended_at: null, event: JSON.stringify(e), snapshot_path: null, label: null, labeled_by: null, labeled_at: null };
    });
    for (let i = 0; i < rows.length; i += 200) await t.app.db.insertInto('alarms').values(rows.slice(i, i + 200)).execute();
    const all = Papa.parse<Record<string, string>>((await csv(viewer, 'cameraId=cam_bulk')).text, { header: true, skipEmptyLines: true }).data.map((row) => row.id);
    expect(all).toHaveLength(1203);
    expect(new Set(all).size).toBe(1203);
    expect(all[0]).toBe('alm_bulk01202');
    expect(all.at(-1)).toBe('alm_bulk00000');
    const capped = Papa.parse<Record<string, string>>((await csv(viewer, 'cameraId=cam_bulk&limit=1000')).text, { header: true, skipEmptyLines: true }).data;
    expect(capped).toHaveLength(1000);
  });

  it('labels set through the API are what federated training reads as labelled alarms', async () => {
    const service = operator;
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#456' } }).jpeg().toBuffer();
    for (const id of ['alm_snap0001', 'alm_snap0002', 'alm_snap0003']) {
      const res = await service.call(events.POST, { method: 'POST', body: { event: event(1, { id, time: '2026-11-04T10:00:00.000Z' }), snapshotJpegBase64: jpeg.toString('base64'), snapshotSize: { width: 64, height: 48 } } });
      expect(res.status).toBe(201);
    }
    await putLabel(operator, 'alm_snap0001', { label: 'true' });
    await putLabel(operator, 'alm_snap0002', { label: 'false' });
    await putLabel(operator, 'alm_snap0003', { label: 'true' });
    await putLabel(operator, 'alm_snap0003', { label: null });
    const crops = await readLabelledAlarms(t.app.db, t.app.config.dataDir);
    // alm_c0007 is labelled too but has no snapshot: nothing to crop.
    expect(crops.map((crop) => crop.label)).toEqual([1, 0]);
    expect(crops[0]!.box).toEqual({ x: 5, y: 6, width: 10, height: 10 });
    expect(crops[0]!.jpeg.equals(jpeg)).toBe(true);
  });
});
