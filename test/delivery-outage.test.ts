import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as alarmEvents from '../app/api/v1/alarms/events/route';
import * as callbackTargets from '../app/api/v1/callback-targets/route';
import { verifySignature } from '../lib/callbacks/sign-payload';
import { createLogger } from '../server/logger';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import type { ApiClient } from './support/api-client';
import { CallbackReceiver } from './support/callback-receiver';
import { allowLoopbackCallbacks, seedCallbackPipeline, startEvent } from './support/delivery-fixtures';
import { loggedIn } from './support/logged-in';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';
import { startTestApp, type TestApp } from './support/test-app';

const alarmCount = 200;
const taskQueue = `delivery-outage-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'delivery-outage-test' });

/** Issue 6 acceptance: a receiver outage during a burst of alarms loses none and duplicates none. */
describe('callback receiver outage during 200 alarms', () => {
  let env: TestWorkflowEnvironment;
  let t: TestApp;
  let worker: RunningWorker;
  let operator: ApiClient;
  const receiver = new CallbackReceiver();

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    t = await startTestApp('sqlite', { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger) });
    worker = await startVigilWorker(env, taskQueue, {
      db: t.app.db,
      logger,
      secrets: t.app.secrets,
      dataDir: t.app.config.dataDir,
      resolveHost: async (host) => Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })),
      // A retry period far longer than the outage (nothing may go dead), but a short backoff cap so the
      // deliveries notice the receiver is back within about a second rather than the production ten minutes.
      deliveryTiming: { initialIntervalMs: 100, maximumIntervalMs: 1000, retryPeriodMs: 60_000 },
    });
    await allowLoopbackCallbacks(t.app.db);
    operator = await loggedIn(t, 'operator');
  });

  afterAll(async () => {
    await worker?.stop();
    await receiver.stop();
    await t?.app.workflows.close();
    await t?.close();
    await env?.teardown();
  });

  it('delivers every alarm exactly once after the receiver comes back on the same port', { timeout: 120_000 }, async () => {
    // Start once to learn a free port, then stop: the outage is a refused connection on the URL the pipeline holds.
    await receiver.start();
    await receiver.stop();
    const url = receiver.url('/outage');
    const created = await operator.call(callbackTargets.POST, { method: 'POST', body: { name: 'outage receiver', url } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const secret = created.json.secret as string;

    const pipelineId = 'pip_outage';
    const nodeId = 'cb-outage';
    await seedCallbackPipeline(t.app.db, { pipelineId, name: 'outage', nodeId, url, timeoutSeconds: 2 });

    const alarmIds = Array.from({ length: alarmCount }, (_, index) => `alm_out${index.toString().padStart(3, '0')}${randomBytes(4).toString('hex')}`);
    const ingestStarted = performance.now();
    // A few at a time, as several analyzers would report; the route answers before the workflows start.
    const lanes = 10;
    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        for (let index = lane; index < alarmIds.length; index += lanes) {
          const event = startEvent(alarmIds[index]!, { id: pipelineId, name: 'outage' });
          const res = await operator.call(alarmEvents.POST, { method: 'POST', body: { event, sinkNodeIds: [nodeId] } });
          expect(res.status, JSON.stringify(res.json)).toBe(201);
        }
      }),
    );
    const ingestMs = performance.now() - ingestStarted;

    const rows = () => t.app.db.selectFrom('callback_deliveries').select(['alarm_id', 'state', 'attempts', 'last_error']).where('target_id', '=', created.json.id as string).execute();
    // The outage is only real once every delivery has met it: each has at least one refused attempt and none settled.
    const refused = await waitFor(rows, (list) => list.length === alarmCount && list.every((row) => row.attempts >= 1), 30_000);
    expect(refused.every((row) => row.state === 'pending' && /ECONNREFUSED/.test(row.last_error ?? ''))).toBe(true);
    expect(receiver.received).toHaveLength(0);
    const outageMs = performance.now() - ingestStarted;

    await receiver.start(receiver.port);
    const backAt = performance.now();
    const settled = await waitFor(rows, (list) => list.every((row) => row.state !== 'pending'), 45_000);
    const recoveryMs = performance.now() - backAt;
    expect(settled.filter((row) => row.state !== 'delivered')).toEqual([]);
    expect(new Set(settled.map((row) => row.alarm_id))).toEqual(new Set(alarmIds));

    // Counted by the receiver, by event id: every alarm arrived, none twice (the receiver answers 200 to all).
    const byEventId = new Map<string, number>();
    for (const request of receiver.requestsTo('/outage')) {
      const eventId = request.headers['x-vigil-event-id'] as string;
      byEventId.set(eventId, (byEventId.get(eventId) ?? 0) + 1);
    }
    expect([...byEventId.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(new Set(byEventId.keys())).toEqual(new Set(alarmIds));
    expect(receiver.received).toHaveLength(alarmCount);

    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const request of receiver.received) {
      expect(JSON.parse(request.body)).toMatchObject({ id: request.headers['x-vigil-event-id'], state: 'start' });
      const verdict = await verifySignature({ secret, signature: request.headers['x-vigil-signature'] as string, timestamp: request.headers['x-vigil-timestamp'] as string, body: request.body, nowSeconds });
      expect(verdict).toEqual({ valid: true });
    }
    // Durations in the output: the acceptance is about counts, but a slow dev server should be visible.
    console.info(`delivery outage: ingest ${Math.round(ingestMs)} ms, all refused at least once after ${Math.round(outageMs)} ms, all delivered ${Math.round(recoveryMs)} ms after the receiver came back; attempts ${settled.reduce((sum, row) => sum + row.attempts, 0)}`);
  });
});
