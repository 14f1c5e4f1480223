import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cameras from '../app/api/v1/cameras/route';
import * as camera from '../app/api/v1/cameras/[id]/route';
import * as pipelines from '../app/api/v1/pipelines/route';
import { resolveStreamUrl } from '../server/cameras/resolve-stream-url';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const secretPassword = 'Sup3r-S3cret-Cam-Pw';

describe.each(dialects)('cameras API on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  const countCameras = async () => Number((await t.app.db.selectFrom('cameras').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => t.close());

  it('creates a camera whose URL credentials are stored encrypted and never returned', async () => {
    const res = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Gate 1', streamUrl: `rtsp://admin:${secretPassword}@10.1.2.3:554/ch1`, tags: ['gate'] } });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Gate 1', streamUrl: 'rtsp://10.1.2.3:554/ch1', username: 'admin', hasPassword: true, tags: ['gate'], enabled: true });
    expect(res.json.id).toMatch(/^cam_/);
    expect(JSON.stringify(res.json)).not.toContain(secretPassword);

    const row = await t.app.db.selectFrom('cameras').selectAll().where('id', '=', res.json.id).executeTakeFirstOrThrow();
    expect(row.stream_url).not.toContain(secretPassword);
    expect(row.credentials_encrypted).toBeTruthy();
    expect(row.credentials_encrypted).not.toContain(secretPassword);
    // The analyzer gets the full URL back, decrypted.
    expect(await resolveStreamUrl(t.app, res.json.id)).toBe(`rtsp://admin:${secretPassword}@10.1.2.3:554/ch1`);

    const list = await viewer.call(cameras.GET);
    expect(list.json.items.map((c: { name: string }) => c.name)).toContain('Gate 1');
    expect(JSON.stringify(list.json)).not.toContain(secretPassword);
    const one = await viewer.call(camera.GET, { params: { id: res.json.id } });
    expect(JSON.stringify(one.json)).not.toContain(secretPassword);
  });

  it('keeps credentials when only the path changes, replaces them when given, clears them on request', async () => {
    const created = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Dock', streamUrl: 'rtsp://10.0.0.9/a', username: 'op', password: 'old-pass-1' } });
    const id = created.json.id as string;
    await operator.call(camera.PATCH, { method: 'PATCH', params: { id }, body: { streamUrl: 'rtsp://10.0.0.9/b' } });
    expect(await resolveStreamUrl(t.app, id)).toBe('rtsp://op:old-pass-1@10.0.0.9/b');
    await operator.call(camera.PATCH, { method: 'PATCH', params: { id }, body: { password: 'new-pass-2' } });
    expect(await resolveStreamUrl(t.app, id)).toBe('rtsp://op:new-pass-2@10.0.0.9/b');
    const cleared = await operator.call(camera.PATCH, { method: 'PATCH', params: { id }, body: { clearCredentials: true } });
    expect(cleared.json).toMatchObject({ username: null, hasPassword: false });
    expect(await resolveStreamUrl(t.app, id)).toBe('rtsp://10.0.0.9/b');
  });

  it.each([
    ['an unsupported scheme', { name: 'X', streamUrl: 'ftp://10.0.0.1/a' }, 'streamUrl', 'unsupported scheme "ftp"'],
    ['a wrong type', { name: 42, streamUrl: 'rtsp://10.0.0.1/a' }, 'name', 'expected string'],
    ['an unknown field', { name: 'X', streamUrl: 'rtsp://10.0.0.1/a', ptz: true }, 'ptz', 'unknown field'],
    ['a missing field', { name: 'X' }, 'streamUrl', ''],
    ['credentials given twice', { name: 'X', streamUrl: 'rtsp://a:b@10.0.0.1/a', password: 'c' }, 'streamUrl', 'not both'],
  ])('rejects %s with 400 naming the field, writing nothing', async (_what, body, field, message) => {
    const before = await countCameras();
    const res = await operator.call(cameras.POST, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.message).toContain(field);
    expect(res.json.error.message.toLowerCase()).toContain(message.toLowerCase());
    expect(await countCameras()).toBe(before);
  });

  it('rejects malformed JSON, a non-JSON body and an oversized body', async () => {
    const before = await countCameras();
    const malformed = await operator.call(cameras.POST, { method: 'POST', rawBody: '{"name": "x",', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.code).toBe('malformed_json');
    const form = await operator.call(cameras.POST, { method: 'POST', rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    const huge = await operator.call(cameras.POST, { method: 'POST', body: { name: 'big', streamUrl: 'rtsp://10.0.0.1/a', description: 'x'.repeat(t.app.config.http.maxBodyBytes) } });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
    expect(await countCameras()).toBe(before);
  });

  it('answers 409 for a duplicate name and 404 for an unknown camera', async () => {
    await operator.call(cameras.POST, { method: 'POST', body: { name: 'Twin', streamUrl: 'rtmp://media/live/twin' } });
    const dup = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Twin', streamUrl: 'rtmp://media/live/twin2' } });
    expect(dup.status).toBe(409);
    expect((await viewer.call(camera.GET, { params: { id: 'cam_nope' } })).status).toBe(404);
  });

  it('enforces roles: 401 without credentials, 403 for a viewer changing things', async () => {
    expect((await new ApiClient().call(cameras.GET)).status).toBe(401);
    const res = await viewer.call(cameras.POST, { method: 'POST', body: { name: 'V', streamUrl: 'rtsp://10.0.0.1/v' } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
  });

  it('refuses to delete a camera a pipeline uses, deletes it once unused', async () => {
    const cam = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Used', streamUrl: 'rtsp://10.0.0.5/u' } });
    const graph = { nodes: [{ id: 'c1', type: 'camera', position: { x: 0, y: 0 }, data: { cameraId: cam.json.id } }], edges: [] };
    const pipe = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Uses camera', graph } });
    expect(pipe.status).toBe(201);
    const refused = await operator.call(camera.DELETE, { method: 'DELETE', params: { id: cam.json.id } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('Uses camera');
    const spare = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Spare', streamUrl: 'rtsp://10.0.0.6/s' } });
    expect((await operator.call(camera.DELETE, { method: 'DELETE', params: { id: spare.json.id } })).status).toBe(204);
    expect((await viewer.call(camera.GET, { params: { id: spare.json.id } })).status).toBe(404);
  });

  it('never writes a camera password to the logs', () => {
    expect(t.logs()).toContain('camera created');
    expect(t.logs()).not.toContain(secretPassword);
    expect(t.logs()).not.toContain('old-pass-1');
    expect(t.logs()).not.toContain('new-pass-2');
  });
});
