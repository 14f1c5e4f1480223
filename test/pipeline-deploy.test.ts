import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as algorithms from '../app/api/v1/algorithms/route';
import * as alarmEvents from '../app/api/v1/alarms/events/route';
import * as alarms from '../app/api/v1/alarms/route';
import * as cameras from '../app/api/v1/cameras/route';
import * as callbackTargets from '../app/api/v1/callback-targets/route';
import * as pipelines from '../app/api/v1/pipelines/route';
import * as deploy from '../app/api/v1/pipelines/[id]/deploy/route';
import * as stop from '../app/api/v1/pipelines/[id]/stop/route';
import * as status from '../app/api/v1/pipelines/[id]/status/route';
import { verifySignature } from '../lib/callbacks/sign-payload';
import { createLocalRuntime, type LocalRuntime } from '../runtime/local/local-runtime';
import { createLogger } from '../server/logger';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import type { ApiClient } from './support/api-client';
import { CallbackReceiver } from './support/callback-receiver';
import { loggedIn } from './support/logged-in';
import { startRouteServer } from './support/route-server';
import { makeMovingBoxVideo } from './support/synthetic-video';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';
import { startTestApp, type TestApp } from './support/test-app';

const taskQueue = `pipeline-test-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'pipeline-test' });
const repositoryRoot = join(import.meta.dirname, '..');
const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('deploying a pipeline end to end (real Temporal, real processes, real callbacks)', () => {
  let env: TestWorkflowEnvironment;
  let t: TestApp;
  let worker: RunningWorker;
  let runtime: LocalRuntime;
  let operator: ApiClient;
  let platform: { url: string; close(): Promise<void> };
  const receiver = new CallbackReceiver();

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    t = await startTestApp('sqlite', { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger) });
    platform = await startRouteServer({ '/api/v1/alarms/events': alarmEvents.POST });
    const stateDir = mkdtempSync(join(tmpdir(), 'vigil-runtime-'));
    runtime = await createLocalRuntime({
      stateFile: join(stateDir, 'state.json'),
      logDirectory: join(stateDir, 'logs'),
      logger,
      baseEnvironment: { PATH: process.env.PATH, HOME: process.env.HOME },
      probe: { intervalMs: 500, timeoutMs: 1000, startupGraceMs: 60_000 },
    });
    worker = await startVigilWorker(env, taskQueue, {
      db: t.app.db,
      logger,
      secrets: t.app.secrets,
      dataDir: t.app.config.dataDir,
      pipelines: { config: { ...t.app.config, internalUrl: platform.url }, runtime, repositoryRoot },
    });
    await receiver.start();
    await t.app.db
      .insertInto('settings')
      .values({ key: 'callbackPolicy', value: JSON.stringify({ allowPrivateNetworks: false, allowList: ['127.0.0.1'], denyList: [] }), updated_at: new Date().toISOString(), updated_by: null })
      .execute();
    operator = await loggedIn(t, 'operator');
  }, 60_000);

  afterAll(async () => {
    for (const workload of (await runtime?.list()) ?? []) await runtime.remove(workload.id);
    await runtime?.close();
    await worker?.stop();
    await receiver.stop();
    await platform?.close();
    await t?.app.workflows.close();
    await t?.close();
    await env?.teardown();
  });

  let graph: { nodes: unknown[]; edges: unknown[] };

  it('runs the analyzer on a synthetic stream, delivers signed alarms, and removes everything on stop', async () => {
    const video = makeMovingBoxVideo(12);
    const camera = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Synthetic gate', streamUrl: `file://${video}` } });
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'algorithms/motion/vigil-algorithm.json'), 'utf8')) as Record<string, unknown>;
    const algorithm = await operator.call(algorithms.POST, { method: 'POST', body: manifest });
    expect(algorithm.status, JSON.stringify(algorithm.json)).toBe(201);
    const callbackUrl = receiver.url('/alarms');
    const target = await operator.call(callbackTargets.POST, { method: 'POST', body: { name: 'receiver', url: callbackUrl } });
    expect(target.status, JSON.stringify(target.json)).toBe(201);
    graph = {
      nodes: [
        node('c1', 'camera', { cameraId: camera.json.id }),
        node('a1', 'algorithm', { algorithmId: algorithm.json.id, params: { learningRate: 0.5, minArea: 2500 }, minScore: 0 }),
        node('r1', 'roi', { regions: [{ id: 'right-half', kind: 'polygon', points: [[0.5, 0], [1, 0], [1, 1], [0.5, 1]] }], anchor: 'center' }),
        node('rule1', 'rule', { alarmType: 'intrusion', labels: ['motion'], minScore: 0, cooldownSeconds: 0 }),
        node('cb1', 'callback', { url: callbackUrl, timeoutSeconds: 5 }),
      ],
      edges: [
        { id: 'e1', source: 'c1', target: 'a1' },
        { id: 'e2', source: 'a1', target: 'r1' },
        { id: 'e3', source: 'r1', target: 'rule1' },
        { id: 'e4', source: 'rule1', target: 'cb1' },
      ],
    };
    const pipeline = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Gate watch', graph } });
    const id = pipeline.json.id as string;

    const started = await operator.call(deploy.POST, { method: 'POST', params: { id }, body: {} });
    expect(started.status, JSON.stringify(started.json)).toBe(202);
    expect(started.json).toEqual({ workflowId: `pipeline:${id}`, revision: 1 });

    const running = await waitFor(() => operator.call(status.GET, { params: { id } }), (res) => res.json.status?.state === 'running', 90_000);
    expect(running.json.status.workloads.map((w: { kind: string; ready: boolean }) => `${w.kind}:${w.ready}`).sort()).toEqual(['algorithm-server:true', 'analyzer:true']);
    const workloads = await runtime.list();
    expect(workloads.map((w) => w.kind).sort()).toEqual(['algorithm-server', 'analyzer']);

    // The box enters the right half ~3.6 s into the looping video: an alarm, then a signed callback.
    const delivered = await waitFor(async () => receiver.requestsTo('/alarms'), (requests) => requests.length > 0, 60_000);
    const callback = delivered[0]!;
    const event = JSON.parse(callback.body) as { id: string; type: string; camera: { id: string }; objects: { trackId?: number }[] };
    expect(event).toMatchObject({ type: 'intrusion', camera: { id: camera.json.id } });
    expect(event.objects[0]!.trackId).toBeDefined();
    expect(await verifySignature({ secret: target.json.secret, signature: callback.headers['x-vigil-signature'] as string, timestamp: callback.headers['x-vigil-timestamp'] as string, body: callback.body, nowSeconds: Math.floor(Date.now() / 1000) })).toEqual({ valid: true });
    const stored = await operator.call(alarms.GET, { path: `/api/v1/alarms?pipelineId=${id}` });
    expect(stored.json.items.map((a: { id: string }) => a.id)).toContain(event.id);

    const stopped = await operator.call(stop.POST, { method: 'POST', params: { id } });
    expect(stopped.status).toBe(202);
    await waitFor(() => operator.call(status.GET, { params: { id } }), (res) => res.json.running === false && res.json.status?.state === 'stopped', 60_000);
    expect(await runtime.list()).toEqual([]);
    for (const workload of workloads) expect(processAlive(workload.pid!), `${workload.id} still running`).toBe(false);
    const row = await t.app.db.selectFrom('pipelines').select(['desired_state', 'deployed_revision']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ desired_state: 'stopped', deployed_revision: null });
  }, 240_000);

  it('reconciles drift: restarts a deployed pipeline that has no workflow, removes an orphan analyzer, records both', async () => {
    const pipeline = await operator.call(pipelines.POST, { method: 'POST', body: { name: 'Lost workflow', graph } });
    const id = pipeline.json.id as string;
    // As after Temporal lost its state: the database says deployed, nothing runs.
    await t.app.db.updateTable('pipelines').set({ desired_state: 'running', deployed_revision: 1 }).where('id', '=', id).execute();
    const orphan = await runtime.deploy({
      id: 'analyzer-ghost-orphan', kind: 'analyzer', owner: 'pip_ghost', labels: { pipeline: 'pip_ghost', revision: '1' },
      command: [process.execPath, join(repositoryRoot, 'test/fixtures/fake-algorithm-server.ts'), '--port', '{port}'], env: {}, resources: {},
    });
    expect(orphan.id).toBe('analyzer-ghost-orphan');

    const result = await env.client.workflow.execute('reconcileWorkflow', { workflowId: `reconcile:test-${Date.now()}`, taskQueue, args: [] });
    expect(result).toMatchObject({ restartedPipelines: [id], removedWorkloads: ['analyzer-ghost-orphan'] });
    expect(await runtime.status('analyzer-ghost-orphan')).toBeUndefined();
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'resource_id']).where('actor_type', '=', 'system').execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'reconcile.pipeline-restarted', resource_id: id }, { action: 'reconcile.workload-removed', resource_id: 'analyzer-ghost-orphan' }]));

    await waitFor(() => operator.call(status.GET, { params: { id } }), (res) => res.json.status?.state === 'running', 90_000);

    // A killed analyzer is restarted by the runtime; a deleted one is redeployed by the pipeline's health check.
    const [analyzer] = await runtime.list({ kind: 'analyzer' });
    process.kill(analyzer!.pid!, 'SIGKILL');
    const restarted = await waitFor(() => runtime.status(analyzer!.id), (workload) => workload?.ready === true && workload.pid !== analyzer!.pid, 30_000);
    expect(restarted!.restarts).toBe(1);
    await runtime.remove(analyzer!.id);
    const repaired = await waitFor(() => operator.call(status.GET, { params: { id } }), (res) => res.json.status?.repairs >= 1 && res.json.status?.state === 'running', 60_000);
    expect(repaired.json.status.workloads.find((w: { kind: string }) => w.kind === 'analyzer')).toMatchObject({ ready: true });
    expect((await runtime.list({ kind: 'analyzer' })).map((w) => w.id)).toEqual([analyzer!.id]);

    // A second pass finds nothing to repair: reconcile is idempotent.
    const again = await env.client.workflow.execute('reconcileWorkflow', { workflowId: `reconcile:test-again-${Date.now()}`, taskQueue, args: [] });
    expect(again).toMatchObject({ restartedPipelines: [], removedWorkloads: [] });
    await operator.call(stop.POST, { method: 'POST', params: { id } });
    await waitFor(() => operator.call(status.GET, { params: { id } }), (res) => res.json.status?.state === 'stopped', 60_000);
    expect(await runtime.list()).toEqual([]);
  }, 240_000);
});
