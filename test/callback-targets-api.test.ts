import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as handle from '../app/api/callback/handle/route';
import * as targets from '../app/api/v1/callback-targets/route';
import * as target from '../app/api/v1/callback-targets/[id]/route';
import * as rotate from '../app/api/v1/callback-targets/[id]/rotate-secret/route';
import * as alarmEvents from '../app/api/v1/alarms/events/route';
import * as deliveries from '../app/api/v1/deliveries/route';
import { signatureHeaders } from '../lib/callbacks/sign-payload';
import { keptArrivals } from '../server/callbacks/receive-callback';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/temporal-harness';

describe.each(dialects)('callback targets and the built-in receiver on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => t.close());

  it('creates a target with a server-generated secret shown once, and rotates it', async () => {
    const created = await operator.call(targets.POST, { method: 'POST', body: { name: 'ops hook', url: 'https://Hooks.Example.com:443/vigil' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: expect.stringMatching(/^cbt_/), name: 'ops hook', url: 'https://hooks.example.com/vigil', enabled: true, autoCreated: false });
    expect(created.json.secret).toMatch(/^vcs_[A-Za-z0-9_-]{43}$/);
    const listed = await operator.call(targets.GET);
    expect(listed.json.items).toHaveLength(1);
    expect(JSON.stringify(listed.json)).not.toContain(created.json.secret);
    const one = await operator.call(target.GET, { params: { id: created.json.id } });
    expect(one.json.secret).toBeUndefined();
    const stored = await t.app.db.selectFrom('callback_targets').select('secret_encrypted').executeTakeFirstOrThrow();
    expect(stored.secret_encrypted).not.toContain(created.json.secret);

    const rotated = await operator.call(rotate.POST, { method: 'POST', params: { id: created.json.id } });
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).toMatch(/^vcs_/);
    expect(rotated.json.secret).not.toBe(created.json.secret);
    expect(t.app.secrets.decrypt((await t.app.db.selectFrom('callback_targets').select('secret_encrypted').executeTakeFirstOrThrow()).secret_encrypted)).toBe(rotated.json.secret);
    expect(t.logs()).not.toContain(created.json.secret);
    expect(t.logs()).not.toContain(rotated.json.secret);
  });

  it('validates URLs, refuses duplicates, updates and deletes', async () => {
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/', 'not a url']) {
      const res = await operator.call(targets.POST, { method: 'POST', body: { name: 'bad', url } });
      expect(res.status, url).toBe(400);
    }
    const duplicate = await operator.call(targets.POST, { method: 'POST', body: { name: 'again', url: 'https://hooks.example.com/vigil' } });
    expect(duplicate.status).toBe(409);
    const second = await operator.call(targets.POST, { method: 'POST', body: { name: 'second', url: 'https://other.example.com/' } });
    const patched = await operator.call(target.PATCH, { method: 'PATCH', params: { id: second.json.id }, body: { enabled: false, name: 'renamed' } });
    expect(patched.json).toMatchObject({ enabled: false, name: 'renamed' });
    expect((await operator.call(target.PATCH, { method: 'PATCH', params: { id: second.json.id }, body: { url: 'https://hooks.example.com/vigil' } })).status).toBe(409);
    expect((await operator.call(target.DELETE, { method: 'DELETE', params: { id: second.json.id } })).status).toBe(204);
    expect((await operator.call(target.GET, { params: { id: second.json.id } })).status).toBe(404);
  });

  it('is for operators: viewers and anonymous callers are refused', async () => {
    expect((await viewer.call(targets.GET)).status).toBe(403);
    expect((await viewer.call(targets.POST, { method: 'POST', body: { name: 'x', url: 'https://x.example.com/' } })).status).toBe(403);
    expect((await new ApiClient().call(targets.GET)).status).toBe(401);
  });

  it('receiver: verifies signatures against target secrets and lists what arrived to viewers', async () => {
    const created = await operator.call(targets.POST, { method: 'POST', body: { name: 'self', url: 'http://127.0.0.1:3000/api/callback/handle' } });
    const body = JSON.stringify({ id: 'alm_recv0001', version: 1 });
    const signed = await signatureHeaders({ secret: created.json.secret, eventId: 'alm_recv0001', timestampSeconds: Math.floor(Date.now() / 1000), body });
    const anonymous = new ApiClient();
    const good = await anonymous.call(handle.POST, { method: 'POST', rawBody: body, headers: { 'content-type': 'application/json', authorization: 'Bearer nope', ...signed } });
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ received: true, verified: true });

    const tampered = await anonymous.call(handle.POST, { method: 'POST', rawBody: body.replace('0001', '0002'), headers: { 'content-type': 'application/json', ...signed } });
    expect(tampered.json).toMatchObject({ received: true, verified: false });
    const unsigned = await anonymous.call(handle.POST, { method: 'POST', rawBody: '{"seed":"style"}', headers: { 'content-type': 'application/json' } });
    expect(unsigned.json.verified).toBe(false);

    expect((await anonymous.call(handle.GET)).status).toBe(401);
    const listed = await viewer.call(handle.GET, { path: '/api/callback/handle?limit=3' });
    expect(listed.status).toBe(200);
    const [latest, middle, first] = listed.json.items;
    expect(first).toMatchObject({ verified: true, targetId: created.json.id, eventId: 'alm_recv0001', body, reason: null });
    expect(first.headers['x-vigil-signature']).toBe(signed['x-vigil-signature']);
    expect(first.headers.authorization).toBeUndefined();
    expect(middle).toMatchObject({ verified: false, reason: 'signature matches no callback target secret' });
    expect(latest).toMatchObject({ verified: false, reason: 'no x-vigil-signature header', body: '{"seed":"style"}' });
  });

  it('receiver: keeps only the newest arrivals', async () => {
    const anonymous = new ApiClient();
    for (let index = 0; index < keptArrivals + 5; index++) {
      await anonymous.call(handle.POST, { method: 'POST', rawBody: `{"n":${index}}`, headers: { 'content-type': 'application/json' } });
    }
    const count = await t.app.db.selectFrom('callback_arrivals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(keptArrivals);
  });

  it('an alarm for a callback sink creates one pending delivery per target, and says why it did not start without Temporal', async () => {
    const at = new Date().toISOString();
    const url = 'https://new-receiver.example.com/hook';
    const graph = { nodes: [{ id: 'cb', type: 'callback', position: { x: 0, y: 0 }, data: { url, timeoutSeconds: 3 } }, { id: 'ws', type: 'websocket', position: { x: 0, y: 0 }, data: {} }], edges: [] };
    await t.app.db.insertInto('pipelines').values({ id: 'pip_cb', name: 'cb', description: '', latest_revision: 1, deployed_revision: 1, desired_state: 'running', created_at: at, updated_at: at }).execute();
    await t.app.db.insertInto('pipeline_revisions').values({ pipeline_id: 'pip_cb', revision: 1, graph: JSON.stringify(graph), comment: '', created_at: at, created_by: null }).execute();
    const event = { id: 'alm_ingest0001', version: 1, type: 'intrusion', state: 'start', time: at, pipeline: { id: 'pip_cb', name: 'cb', revision: 1 }, camera: { id: 'cam_1', name: 'C' }, algorithm: { id: 'alg_1', name: 'a', version: '1' }, objects: [] };
    const res = await operator.call(alarmEvents.POST, { method: 'POST', body: { event, sinkNodeIds: ['cb', 'ws', 'gone'] } });
    expect(res.status).toBe(201);
    const listed = await waitFor(
      async () => (await viewer.call(deliveries.GET, { path: '/api/v1/deliveries?alarmId=alm_ingest0001' })).json.items,
      (items: { lastError: string | null }[]) => items[0]?.lastError !== null && items.length > 0,
      5000,
    );
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ state: 'pending', url, timeoutSeconds: 3, attempts: 0, lastError: expect.stringContaining('not started: no Temporal server in this test') });
    const auto = await operator.call(targets.GET);
    expect(auto.json.items.find((item: { url: string }) => item.url === url)).toMatchObject({ autoCreated: true, enabled: true, name: 'new-receiver.example.com (auto)' });
  });
});
