import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as alarmEvents from '../app/api/v1/alarms/events/route';
import * as callbackTargets from '../app/api/v1/callback-targets/route';
import * as deliveries from '../app/api/v1/deliveries/route';
import * as redrive from '../app/api/v1/deliveries/[id]/redrive/route';
import { verifySignature } from '../lib/callbacks/sign-payload';
import type { Delivery } from '../lib/contracts/deliveries';
import { createLogger } from '../server/logger';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import type { ApiClient } from './support/api-client';
import { CallbackReceiver } from './support/callback-receiver';
import { loggedIn } from './support/logged-in';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';
import { startTestApp, type TestApp } from './support/test-app';

const taskQueue = `delivery-test-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'delivery-test' });
// Names the worker resolves: the receiver's, and one that points at a loopback address the policy does not allow.
const names: Record<string, string[]> = { 'receiver.test': ['127.0.0.1'], 'sneaky.test': ['127.0.0.2'] };

describe('alarm delivery on a real Temporal dev server and a real HTTP receiver', () => {
  let env: TestWorkflowEnvironment;
  let t: TestApp;
  let worker: RunningWorker;
  let operator: ApiClient;
  const receiver = new CallbackReceiver();
  // Listens on 127.0.0.2: had a refused URL been requested anyway, it would show up here.
  const forbidden = new CallbackReceiver('127.0.0.2');
  let graphNodes: { id: string; type: 'callback'; position: { x: number; y: number }; data: { url: string; timeoutSeconds: number } }[] = [];
  let sequence = 0;

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    t = await startTestApp('sqlite', { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger) });
    worker = await startVigilWorker(env, taskQueue, {
      db: t.app.db,
      logger,
      secrets: t.app.secrets,
      dataDir: t.app.config.dataDir,
      resolveHost: async (host) => names[host] ?? Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })),
      // 24 h of retries shrunk to 2.5 s: the dead-letter path runs within the test.
      deliveryTiming: { initialIntervalMs: 100, maximumIntervalMs: 400, retryPeriodMs: 2500 },
    });
    await receiver.start();
    await forbidden.start();
    await t.app.db
      .insertInto('settings')
      .values({ key: 'callbackPolicy', value: JSON.stringify({ allowPrivateNetworks: false, allowList: ['127.0.0.1'], denyList: [] }), updated_at: new Date().toISOString(), updated_by: null })
      .execute();
    operator = await loggedIn(t, 'operator');
  });

  afterAll(async () => {
    await worker?.stop();
    await receiver.stop();
    await forbidden.stop();
    await t?.app.workflows.close();
    await t?.close();
    await env?.teardown();
  });

  /** A saved pipeline revision whose callback node points at `url`; returns the node id for the alarm's sinkNodeIds. */
  async function pipelineWithCallback(url: string): Promise<{ pipelineId: string; nodeId: string }> {
    sequence += 1;
    const pipelineId = `pip_test${sequence}`;
    const nodeId = `cb-${sequence}`;
    graphNodes = [{ id: nodeId, type: 'callback', position: { x: 0, y: 0 }, data: { url, timeoutSeconds: 2 } }];
    const at = new Date().toISOString();
    await t.app.db.insertInto('pipelines').values({ id: pipelineId, name: `p${sequence}`, description: '', latest_revision: 1, deployed_revision: 1, desired_state: 'running', created_at: at, updated_at: at }).execute();
    await t.app.db.insertInto('pipeline_revisions').values({ pipeline_id: pipelineId, revision: 1, graph: JSON.stringify({ nodes: graphNodes, edges: [] }), comment: '', created_at: at, created_by: null }).execute();
    return { pipelineId, nodeId };
  }

  async function raiseAlarm(pipelineId: string, nodeId: string, alarmId = `alm_${randomBytes(6).toString('hex')}`): Promise<string> {
    const event = {
      id: alarmId,
      version: 1,
      type: 'intrusion',
      state: 'start',
      time: new Date().toISOString(),
      pipeline: { id: pipelineId, name: 'P', revision: 1 },
      camera: { id: 'cam_1', name: 'Gate' },
      algorithm: { id: 'alg_1', name: 'person', version: '1.0.0' },
      objects: [{ label: 'person', score: 0.9, box: { x: 1, y: 2, width: 30, height: 60 } }],
    };
    const res = await operator.call(alarmEvents.POST, { method: 'POST', body: { event, sinkNodeIds: [nodeId] } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return alarmId;
  }

  async function deliveryOf(alarmId: string): Promise<Delivery | undefined> {
    const res = await operator.call<{ items: Delivery[] }>(deliveries.GET, { path: `/api/v1/deliveries?alarmId=${alarmId}` });
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeLessThanOrEqual(1);
    return res.json.items[0];
  }

  const settled = (delivery: Delivery | undefined) => delivery !== undefined && delivery.state !== 'pending';

  it('retries 503 twice, then delivers on the third attempt, signed with the target secret', async () => {
    const url = receiver.url('/flaky', 'receiver.test');
    const created = await operator.call(callbackTargets.POST, { method: 'POST', body: { name: 'flaky receiver', url } });
    expect(created.status).toBe(201);
    const secret = created.json.secret as string;
    receiver.script('/flaky', [503, 503]);
    const { pipelineId, nodeId } = await pipelineWithCallback(url);
    const alarmId = await raiseAlarm(pipelineId, nodeId);

    const delivery = (await waitFor(() => deliveryOf(alarmId), settled))!;
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, targetId: created.json.id, workflowId: `alarm:${alarmId}:${created.json.id}` });
    expect(delivery.attemptLog.map((attempt) => [attempt.attempt, attempt.outcome, attempt.statusCode])).toEqual([
      [1, 'retry', 503],
      [2, 'retry', 503],
      [3, 'delivered', 200],
    ]);
    expect(delivery.attemptLog.every((attempt) => attempt.latencyMs !== null && attempt.latencyMs >= 0)).toBe(true);

    const requests = receiver.requestsTo('/flaky');
    expect(requests).toHaveLength(3);
    const last = requests[2]!;
    expect(JSON.parse(last.body)).toMatchObject({ id: alarmId, version: 1, state: 'start' });
    expect(last.headers['x-vigil-event-id']).toBe(alarmId);
    const verdict = await verifySignature({
      secret,
      signature: last.headers['x-vigil-signature'] as string,
      timestamp: last.headers['x-vigil-timestamp'] as string,
      body: last.body,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(verdict).toEqual({ valid: true });

    // The analyzer re-sends the same start (it retries): no second delivery, no second POST.
    await raiseAlarm(pipelineId, nodeId, alarmId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await deliveryOf(alarmId))!.attempts).toBe(3);
    expect(receiver.requestsTo('/flaky')).toHaveLength(3);
  });

  it('takes a 400 as final: failed after one attempt', async () => {
    const url = receiver.url('/reject');
    receiver.script('/reject', [400]);
    const { pipelineId, nodeId } = await pipelineWithCallback(url);
    const alarmId = await raiseAlarm(pipelineId, nodeId);
    const delivery = (await waitFor(() => deliveryOf(alarmId), settled))!;
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatus: 400 });
    expect(delivery.attemptLog).toMatchObject([{ attempt: 1, outcome: 'rejected', statusCode: 400, error: expect.stringContaining('HTTP 400') }]);
    expect(receiver.requestsTo('/reject')).toHaveLength(1);
  });

  it('dead-letters a delivery whose receiver stays down past the retry period, and re-drives it once the receiver is back', async () => {
    const backLater = new CallbackReceiver();
    await backLater.start();
    const port = backLater.port;
    await backLater.stop();
    const url = backLater.url('/later');
    const { pipelineId, nodeId } = await pipelineWithCallback(url);
    const alarmId = await raiseAlarm(pipelineId, nodeId);

    const dead = (await waitFor(() => deliveryOf(alarmId), settled))!;
    expect(dead.state).toBe('dead');
    expect(dead.attempts).toBeGreaterThanOrEqual(2);
    expect(dead.attemptLog.every((attempt) => attempt.outcome === 'retry' && /ECONNREFUSED/.test(attempt.error ?? ''))).toBe(true);
    expect(dead.lastError).toMatch(new RegExp(`^retry period over after ${dead.attempts} attempt\\(s\\); last error: request failed: .*ECONNREFUSED`));

    await backLater.start(port);
    try {
      const res = await operator.call(redrive.POST, { method: 'POST', params: { id: dead.id } });
      expect(res.status, JSON.stringify(res.json)).toBe(202);
      expect(res.json).toMatchObject({ id: dead.id, workflowId: `alarm:${alarmId}:${dead.targetId}`, redriven: true });
      const delivered = (await waitFor(() => deliveryOf(alarmId), (delivery) => delivery?.state === 'delivered'))!;
      expect(delivered.attempts).toBe(dead.attempts + 1);
      expect(delivered.attemptLog.at(-1)).toMatchObject({ outcome: 'delivered', statusCode: 200 });
      expect(backLater.requestsTo('/later')).toHaveLength(1);

      const again = await operator.call(redrive.POST, { method: 'POST', params: { id: dead.id } });
      expect(again.status).toBe(409);
    } finally {
      await backLater.stop();
    }
  });

  it('refuses a URL whose name resolves to a loopback address that is not allow-listed, without any request', async () => {
    const url = forbidden.url('/internal', 'sneaky.test');
    const { pipelineId, nodeId } = await pipelineWithCallback(url);
    const alarmId = await raiseAlarm(pipelineId, nodeId);
    const delivery = (await waitFor(() => deliveryOf(alarmId), settled))!;
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, lastStatus: null });
    expect(delivery.attemptLog).toMatchObject([{ outcome: 'refused', statusCode: null, error: expect.stringContaining('127.0.0.2 (sneaky.test) is a loopback address') }]);
    expect(forbidden.received).toHaveLength(0);
  });

  it('refuses the cloud metadata address written as a hex literal', async () => {
    const { pipelineId, nodeId } = await pipelineWithCallback('http://0xa9fea9fe/latest/meta-data/');
    const alarmId = await raiseAlarm(pipelineId, nodeId);
    const delivery = (await waitFor(() => deliveryOf(alarmId), settled))!;
    expect(delivery).toMatchObject({ state: 'failed', url: 'http://169.254.169.254/latest/meta-data/' });
    expect(delivery.attemptLog[0]).toMatchObject({ outcome: 'refused', error: expect.stringContaining('metadata') });
  });

  it('lists deliveries by state and refuses re-drives from viewers', async () => {
    const failed = await operator.call<{ items: Delivery[] }>(deliveries.GET, { path: '/api/v1/deliveries?state=failed' });
    expect(failed.json.items.length).toBeGreaterThanOrEqual(3);
    expect(failed.json.items.every((delivery) => delivery.state === 'failed')).toBe(true);
    const viewer = await loggedIn(t, 'viewer');
    expect((await viewer.call(redrive.POST, { method: 'POST', params: { id: failed.json.items[0]!.id } })).status).toBe(403);
    expect(t.logs()).not.toMatch(/vcs_[A-Za-z0-9_-]{20,}/);
  });
});
