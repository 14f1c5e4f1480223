import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as algorithms from '../app/api/v1/algorithms/route';
import * as cameras from '../app/api/v1/cameras/route';
import * as snapshot from '../app/api/v1/cameras/[id]/snapshot/route';
import * as pipelines from '../app/api/v1/pipelines/route';
import * as validate from '../app/api/v1/pipelines/validate/route';
import * as revisions from '../app/api/v1/pipelines/[id]/revisions/route';
import * as restore from '../app/api/v1/pipelines/[id]/revisions/[revision]/restore/route';
import * as diff from '../app/api/v1/pipelines/[id]/diff/route';
import * as deploy from '../app/api/v1/pipelines/[id]/deploy/route';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { makeMovingBoxVideo } from './support/synthetic-video';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const manifest = { name: 'person-detector', version: '1.0.0', command: ['node', 'x.js'], port: 8080, labels: ['person'], roiTypes: ['polygon', 'line'] };
const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });

describe.each(dialects)('pipeline builder API on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  let cameraId: string;
  let algorithmId: string;
  let video: string;
  const graph = (url = 'https://hooks.example.com/x') => ({
    nodes: [node('c1', 'camera', { cameraId }), node('a1', 'algorithm', { algorithmId }), node('r1', 'rule', { alarmType: 'intrusion', labels: ['person'] }), node('cb', 'callback', { url })],
    edges: [{ id: 'e1', source: 'c1', target: 'a1' }, { id: 'e2', source: 'a1', target: 'r1' }, { id: 'e3', source: 'r1', target: 'cb' }],
  });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
    video = makeMovingBoxVideo();
    cameraId = (await operator.call(cameras.POST, { method: 'POST', body: { name: 'Synthetic', streamUrl: `file://${video}` } })).json.id;
    algorithmId = (await operator.call(algorithms.POST, { method: 'POST', body: manifest })).json.id;
  });
  afterAll(async () => t.close());

  it('validates a graph against the registered cameras and algorithms without saving', async () => {
    const countRows = async () => ({
      pipelines: (await t.app.db.selectFrom('pipelines').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n,
      revisions: (await t.app.db.selectFrom('pipeline_revisions').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n,
    });
    const rowsBefore = await countRows();
    const ok = await viewer.call(validate.POST, { method: 'POST', body: { graph: graph() } });
    expect(ok.status).toBe(200);
    expect(ok.json.ok).toBe(true);
    expect(ok.json.spec.analyzers[0].cameraName).toBe('Synthetic');
    const bad = graph();
    bad.nodes[1] = node('a1', 'algorithm', { algorithmId: 'alg_missing' });
    const res = await viewer.call(validate.POST, { method: 'POST', body: { graph: bad } });
    expect(res.json).toMatchObject({ ok: false, errors: [{ code: 'unknown_algorithm', nodeId: 'a1' }] });
    const garbage = await viewer.call(validate.POST, { method: 'POST', body: { graph: { nodes: 'no' } } });
    expect(garbage.json.ok).toBe(false);
    expect(garbage.json.errors[0].code).toBe('invalid_graph');
    expect(await countRows()).toEqual(rowsBefore);
  });

  it('restores an old revision as a new one and diffs revisions', async () => {
    const created = await operator.call(pipelines.POST, { method: 'POST', body: { name: `Restore ${dialect}`, graph: graph() } });
    const id = created.json.id as string;
    await operator.call(revisions.POST, { method: 'POST', params: { id }, body: { graph: graph('https://hooks.example.com/changed'), baseRevision: 1 } });
    const d = await viewer.call(diff.GET, { params: { id }, path: `/api/v1/pipelines/${id}/diff?from=1&to=2` });
    expect(d.json.changedNodes).toEqual([{ id: 'cb', type: 'callback', changes: [{ field: 'url', before: 'https://hooks.example.com/x', after: 'https://hooks.example.com/changed' }] }]);
    const restored = await operator.call(restore.POST, { method: 'POST', params: { id, revision: '1' } });
    expect(restored.status).toBe(201);
    expect(restored.json).toMatchObject({ revision: 3, comment: 'Restored from revision 1' });
    expect(restored.json.graph).toEqual(graph());
    expect((await viewer.call(restore.POST, { method: 'POST', params: { id, revision: '1' } })).status).toBe(403);
  });

  it('refuses to deploy a revision that does not compile (422 with errors) and answers 503 when Temporal is unreachable', async () => {
    const broken = await operator.call(pipelines.POST, { method: 'POST', body: { name: `Broken ${dialect}`, graph: graph('ftp://nope') } });
    const refused = await operator.call(deploy.POST, { method: 'POST', params: { id: broken.json.id }, body: {} });
    expect(refused.status).toBe(422);
    expect(refused.json.error.details[0]).toMatchObject({ code: 'invalid_config', nodeId: 'cb', field: 'url' });
    const good = await operator.call(pipelines.POST, { method: 'POST', body: { name: `Good ${dialect}`, graph: graph() } });
    const unavailable = await operator.call(deploy.POST, { method: 'POST', params: { id: good.json.id }, body: {} });
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.error.code).toBe('dependency_unavailable');
  });

  it('grabs a real JPEG snapshot from the camera stream with ffmpeg', async () => {
    const res = await snapshot.GET(new Request(`http://vigil.test/api/v1/cameras/${cameraId}/snapshot`, { headers: { cookie: viewer.cookieHeader() } }), {
      params: Promise.resolve({ id: cameraId }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('answers 502 camera_unreachable, quickly and without the password, when the camera does not answer', async () => {
    // A port that accepts connections and never speaks: the worst case for a hung ffmpeg.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const cam = await operator.call(cameras.POST, { method: 'POST', body: { name: `Dead ${dialect}`, streamUrl: `rtsp://admin:Dead-Cam-Secret@127.0.0.1:${port}/ch1` } });
    const started = Date.now();
    const res = await viewer.call(snapshot.GET as never, { params: { id: cam.json.id } });
    silent.close();
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('camera_unreachable');
    expect(res.json.error.message).toContain(`Dead ${dialect}`);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(JSON.stringify(res.json)).not.toContain('Dead-Cam-Secret');
    expect(t.logs()).not.toContain('Dead-Cam-Secret');
  }, 30_000);
});
