import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as pipelines from '../app/api/v1/pipelines/route';
import * as pipeline from '../app/api/v1/pipelines/[id]/route';
import * as revisions from '../app/api/v1/pipelines/[id]/revisions/route';
import * as revisionOne from '../app/api/v1/pipelines/[id]/revisions/[revision]/route';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({ id, type, position: { x: 10, y: 20 }, data });
const graphV1 = { nodes: [node('cam', 'camera', { cameraId: 'cam_x' }), node('alg', 'algorithm', { algorithmId: 'alg_y' })], edges: [{ id: 'e1', source: 'cam', target: 'alg' }] };
const graphV2 = { ...graphV1, nodes: [...graphV1.nodes, node('cb', 'callback')], edges: [...graphV1.edges, { id: 'e2', source: 'alg', target: 'cb' }] };

describe.each(dialects)('pipelines API on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => t.close());

  it('creates a pipeline with revision 1, then saves immutable numbered revisions', async () => {
    const created = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Gate intrusion', graph: graphV1 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Gate intrusion', latestRevision: 1, deployedRevision: null, desiredState: 'stopped' });
    const id = created.json.id as string;

    const r2 = await operator.call(revisions.POST, { method: 'POST', params: { id }, body: { graph: graphV2, comment: 'add callback', baseRevision: 1 } });
    expect(r2.status).toBe(201);
    expect(r2.json).toMatchObject({ revision: 2, comment: 'add callback' });

    const current = await viewer.call(pipeline.GET, { params: { id } });
    expect(current.json.latestRevision).toBe(2);
    expect(current.json.graph.nodes).toHaveLength(3);
    const first = await viewer.call(revisionOne.GET, { params: { id, revision: '1' } });
    expect(first.json.graph).toEqual(graphV1);
    const list = await viewer.call(revisions.GET, { params: { id } });
    expect(list.json.items.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('refuses a save based on a stale revision (409) and keeps the newer one', async () => {
    const created = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Stale', graph: graphV1 } });
    const id = created.json.id as string;
    await operator.call(revisions.POST, { method: 'POST', params: { id }, body: { graph: graphV2, baseRevision: 1 } });
    const stale = await operator.call(revisions.POST, { method: 'POST', params: { id }, body: { graph: graphV1, baseRevision: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.json.error.details.latestRevision).toBe(2);
    expect((await viewer.call(pipeline.GET, { params: { id } })).json.graph).toEqual(graphV2);
  });

  it('rejects structurally broken graphs naming the node or edge, and creates nothing', async () => {
    const before = (await viewer.call(pipelines.GET)).json.items.length;
    const broken = { nodes: [node('a', 'camera'), node('a', 'algorithm')], edges: [{ id: 'e', source: 'a', target: 'ghost' }] };
    const res = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Broken', graph: broken } });
    expect(res.status).toBe(400);
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['graph.nodes.1.id', 'graph.edges.0.target']));
    expect((await viewer.call(pipelines.GET)).json.items.length).toBe(before);
    const badType = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Bad type', graph: { nodes: [node('z', 'teleporter')], edges: [] } } });
    expect(badType.status).toBe(400);
    expect(badType.json.error.message).toContain('graph.nodes.0.type');
  });

  it('has no way to change an existing revision', () => {
    expect(Object.keys(revisionOne)).toEqual(['GET']);
  });

  it('renames, refuses duplicate names, refuses deleting a deployed pipeline, deletes a stopped one', async () => {
    const a = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Alpha' } });
    await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Beta' } });
    expect((await operator.call(pipeline.PATCH, { method: 'PATCH', params: { id: a.json.id }, body: { name: 'Beta' } })).status).toBe(409);
    expect((await operator.call(pipeline.PATCH, { method: 'PATCH', params: { id: a.json.id }, body: { name: 'Alpha 2' } })).json.name).toBe('Alpha 2');
    await t.app.db.updateTable('pipelines').set({ desired_state: 'running', deployed_revision: 1 }).where('id', '=', a.json.id).execute();
    expect((await operator.call(pipeline.DELETE, { method: 'DELETE', params: { id: a.json.id } })).status).toBe(409);
    await t.app.db.updateTable('pipelines').set({ desired_state: 'stopped' }).where('id', '=', a.json.id).execute();
    expect((await operator.call(pipeline.DELETE, { method: 'DELETE', params: { id: a.json.id } })).status).toBe(204);
    expect((await viewer.call(pipeline.GET, { params: { id: a.json.id } })).status).toBe(404);
    const orphans = await t.app.db.selectFrom('pipeline_revisions').select('revision').where('pipeline_id', '=', a.json.id).execute();
    expect(orphans).toEqual([]);
  });

  it('rejects a non-numeric revision in the path and lets viewers read but not write', async () => {
    const p = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Paths' } });
    expect((await viewer.call(revisionOne.GET, { params: { id: p.json.id, revision: 'abc' } })).status).toBe(400);
    expect((await viewer.call(revisionOne.GET, { params: { id: p.json.id, revision: '9' } })).status).toBe(404);
    expect((await viewer.call(revisions.POST, { method: 'POST', params: { id: p.json.id }, body: { graph: graphV1 } })).status).toBe(403);
  });
});
