import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as algorithms from '../app/api/v1/algorithms/route';
import * as algorithm from '../app/api/v1/algorithms/[id]/route';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const manifest = {
  name: 'person-detector',
  version: '1.0.0',
  command: ['tsx', 'algorithms/person/server.ts', '--port', '{port}'],
  image: 'vigil/person-detector:1.0.0',
  port: 8080,
  labels: ['person'],
  roiTypes: ['polygon', 'line'],
  params: { type: 'object', properties: { minScore: { type: 'number', default: 0.4 } } },
  resources: { cpu: '1', memory: '1Gi', 'nvidia.com/gpu': 0 },
};

describe.each(dialects)('algorithms API on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  const count = async () => (await t.app.db.selectFrom('algorithms').select('id').execute()).length;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => t.close());

  it('registers a manifest, lists and gets it with defaults filled in', async () => {
    const res = await operator.call(algorithms.POST, { method: 'POST', body: manifest });
    expect(res.status).toBe(201);
    expect(res.json.id).toMatch(/^alg_/);
    expect(res.json.manifest.health).toEqual({ liveness: '/healthz', readiness: '/readyz' });
    const list = await viewer.call(algorithms.GET, { path: '/api/v1/algorithms?name=person-detector' });
    expect(list.json.items).toHaveLength(1);
    expect((await viewer.call(algorithm.GET, { params: { id: res.json.id } })).json.manifest.labels).toEqual(['person']);
  });

  it('keeps versions apart and refuses re-registering the same version', async () => {
    expect((await operator.call(algorithms.POST, { method: 'POST', body: { ...manifest, version: '1.1.0' } })).status).toBe(201);
    const dup = await operator.call(algorithms.POST, { method: 'POST', body: manifest });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain('1.0.0');
  });

  it.each([
    ['missing required keys', (({ port: _p, labels: _l, ...rest }) => rest)(manifest), 'port'],
    ['neither image nor command', (({ image: _i, command: _c, ...rest }) => rest)(manifest), 'image'],
    ['an unknown key', { ...manifest, gpuCount: 1 }, 'gpuCount'],
    ['a bad ROI kind', { ...manifest, roiTypes: ['circle'] }, 'roiTypes.0'],
    ['a bad resource quantity', { ...manifest, resources: { memory: 'a lot' } }, 'resources.memory'],
  ])('rejects a manifest with %s, naming %s', async (_what, body, field) => {
    const before = await count();
    const res = await operator.call(algorithms.POST, { method: 'POST', body: { ...body, version: '9.9.9' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain(field);
    expect(await count()).toBe(before);
  });

  it('lets a viewer read but not register', async () => {
    expect((await viewer.call(algorithms.POST, { method: 'POST', body: { ...manifest, version: '3.0.0' } })).status).toBe(403);
  });

  it('deletes an unused version', async () => {
    const res = await operator.call(algorithms.POST, { method: 'POST', body: { ...manifest, version: '2.0.0' } });
    expect((await operator.call(algorithm.DELETE, { method: 'DELETE', params: { id: res.json.id } })).status).toBe(204);
    expect((await viewer.call(algorithm.GET, { params: { id: res.json.id } })).status).toBe(404);
  });
});
