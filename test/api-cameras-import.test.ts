import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cameras from '../app/api/v1/cameras/route';
import * as importRoute from '../app/api/v1/cameras/import/route';
import { resolveStreamUrl } from '../server/cameras/resolve-stream-url';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const secretPassword = 'Imp0rt-S3cret-Pw';

describe.each(dialects)('camera import API on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  const cameraNames = async () => (await t.app.db.selectFrom('cameras').select('name').orderBy('name').execute()).map((row) => row.name);
  const importAudits = async () => t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'camera.import').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => t.close());

  it('imports valid rows with sealed credentials and writes one audit entry', async () => {
    const rows = [
      { name: 'Gate A', streamUrl: 'rtsp://10.0.1.1/ch1', username: 'admin', password: secretPassword, description: 'north gate', tags: ['gate', 'north'] },
      { name: 'Gate B', streamUrl: 'rtsp://10.0.1.2/ch1' },
      { name: 'Yard', streamUrl: 'rtmp://media/live/yard', location: 'yard', username: '', password: '' },
    ];
    const res = await operator.call(importRoute.POST, { method: 'POST', body: { rows } });
    expect(res.status).toBe(201);
    expect(res.json.imported).toBe(3);
    expect(res.json.items.map((c: { name: string }) => c.name)).toEqual(['Gate A', 'Gate B', 'Yard']);
    expect(res.json.items[0]).toMatchObject({ username: 'admin', hasPassword: true, description: 'north gate', tags: ['gate', 'north'] });
    expect(res.json.items[2]).toMatchObject({ username: null, hasPassword: false, location: 'yard' });
    expect(JSON.stringify(res.json)).not.toContain(secretPassword);
    expect(await resolveStreamUrl(t.app, res.json.items[0].id)).toBe(`rtsp://admin:${secretPassword}@10.0.1.1/ch1`);
    expect(await cameraNames()).toEqual(['Gate A', 'Gate B', 'Yard']);

    const audits = await importAudits();
    expect(audits).toHaveLength(1);
    const details = JSON.parse(audits[0]!.details) as { count: number; cameras: { id: string; name: string }[] };
    expect(details.count).toBe(3);
    expect(details.cameras.map((c) => c.name)).toEqual(['Gate A', 'Gate B', 'Yard']);
    expect(audits[0]!.details).not.toContain(secretPassword);
    expect(t.logs()).toContain('cameras imported');
    expect(t.logs()).not.toContain(secretPassword);
  });

  it('imports nothing when any row is invalid, and lists every row\'s problems with its number', async () => {
    const before = await cameraNames();
    const res = await operator.call(importRoute.POST, {
      method: 'POST',
      body: {
        rows: [
          { name: 'Fine', streamUrl: 'rtsp://10.0.2.1/a' },
          { name: 'Bad URL', streamUrl: 'not a url' },
          { name: 'Gate A', streamUrl: 'rtsp://10.0.2.3/a' },
          { name: '', streamUrl: 'rtsp://10.0.2.4/a' },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.message).toBe('3 of 4 rows are invalid; nothing was imported');
    expect(res.json.error.details).toEqual([
      { row: 2, path: 'streamUrl', message: expect.stringContaining('not a valid URL') },
      { row: 3, path: 'name', message: 'a camera named "Gate A" already exists' },
      { row: 4, path: 'name', message: expect.any(String) },
    ]);
    expect(await cameraNames()).toEqual(before);
    expect(await importAudits()).toHaveLength(1);
  });

  it.each([
    ['no rows', { rows: [] }, 'rows'],
    ['an unknown column', { rows: [{ name: 'X', streamUrl: 'rtsp://10.0.0.1/a', ptz: 'yes' }] }, 'unknown field'],
    ['a row that is not an object', { rows: ['X,rtsp://10.0.0.1/a'] }, 'rows.0'],
  ])('rejects %s with 400 before looking at rows', async (_what, body, message) => {
    const res = await operator.call(importRoute.POST, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain(message);
  });

  it('is for operators: 401 without a session, 403 for a viewer (who still reads cameras)', async () => {
    const body = { rows: [{ name: 'Viewer cam', streamUrl: 'rtsp://10.0.3.1/a' }] };
    expect((await new ApiClient().call(importRoute.POST, { method: 'POST', body })).status).toBe(401);
    const res = await viewer.call(importRoute.POST, { method: 'POST', body });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect((await viewer.call(cameras.GET)).status).toBe(200);
    expect(await cameraNames()).not.toContain('Viewer cam');
  });
});
