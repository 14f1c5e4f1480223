import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as algorithms from '../app/api/v1/algorithms/route';
import * as instances from '../app/api/v1/algorithms/[id]/instances/route';
import type { AlgorithmInstances } from '../lib/contracts/algorithm-instances';
import type { LocalRuntime } from '../runtime/local/local-runtime';
import { workloadLabelKeys } from '../runtime/workload-runtime.port';
import { closeWorkloadInspection } from '../server/algorithms/list-algorithm-instances';
import { createLogger } from '../server/logger';
import { ApiClient } from './support/api-client';
import { createTestLocalRuntime, fakeServerSpec, processesOfThisRun, removeStateDirectories } from './support/local-runtime-harness';
import { loggedIn } from './support/logged-in';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';
import { waitForWorkload } from './support/wait-for-workload';

const logger = createLogger({ level: 'error', name: 'algorithm-instances-test' });
const manifest = (version: string) => ({ name: 'fake-detector', version, command: ['node', 'server.js', '--port={port}'], port: 8080, labels: ['person'] });
const algorithmLabels = (version: string) => ({ [workloadLabelKeys.algorithm]: 'fake-detector', [workloadLabelKeys.algorithmVersion]: version });

// One dev server and one local runtime for the file; each dialect gets its own database, worker and task queue.
let env: TestWorkflowEnvironment;
let runtime: LocalRuntime;

beforeAll(async () => {
  env = await startTemporalDevServer(logger);
  runtime = await createTestLocalRuntime();
  // The 1.0.0 server, one of another version (must not be listed for 1.0.0) and an unrelated workload.
  await runtime.deploy(fakeServerSpec({ id: 'fake-detector-1-0-0', owner: 'pip_a', labels: algorithmLabels('1.0.0') }));
  await runtime.deploy(fakeServerSpec({ id: 'fake-detector-2-0-0', owner: 'pip_b', labels: algorithmLabels('2.0.0') }));
  await runtime.deploy(fakeServerSpec({ id: 'other-server', owner: 'pip_c', labels: { [workloadLabelKeys.algorithm]: 'other' } }));
  for (const id of ['fake-detector-1-0-0', 'fake-detector-2-0-0', 'other-server']) {
    await waitForWorkload(runtime, id, 'ready', (status) => status.ready, { timeoutMs: 15_000 });
  }
}, 60_000);

afterAll(async () => {
  for (const workload of (await runtime?.list()) ?? []) await runtime.remove(workload.id);
  await runtime?.close();
  await env?.teardown();
  for (const pid of processesOfThisRun()) process.kill(pid, 'SIGKILL');
  removeStateDirectories();
});

describe.each(dialects)('GET /api/v1/algorithms/:id/instances on %s (real Temporal, real local runtime)', (dialect) => {
  const taskQueue = `instances-${dialect}-${process.pid}`;
  let t: TestApp;
  let worker: RunningWorker;
  let operator: ApiClient;
  let viewer: ApiClient;
  let algorithmId: string;
  const ask = (client: ApiClient, id: string, query = '') => client.call<AlgorithmInstances>(instances.GET, { params: { id }, path: `/api/v1/algorithms/${id}/instances${query}` });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    t.app.config = { ...t.app.config, temporal: { ...t.app.config.temporal, address: env.address, namespace: 'default', taskQueue } };
    worker = await startVigilWorker(env, taskQueue, { db: t.app.db, logger, secrets: t.app.secrets, dataDir: t.app.config.dataDir, pipelines: { config: t.app.config, runtime, repositoryRoot: process.cwd() } });
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
    const registered = await operator.call<{ id: string }>(algorithms.POST, { method: 'POST', body: manifest('1.0.0') });
    expect(registered.status).toBe(201);
    algorithmId = registered.json.id;
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    if (t) await closeWorkloadInspection(t.app);
    await t?.close();
  });

  it("answers the running server's phase, readiness, restarts, endpoint and its recent log lines to an operator", async () => {
    const res = await ask(operator, algorithmId);
    expect(res.status).toBe(200);
    expect(res.json.algorithm).toEqual({ id: algorithmId, name: 'fake-detector', version: '1.0.0' });
    expect(res.json.logsIncluded).toBe(true);
    const direct = (await runtime.status('fake-detector-1-0-0'))!;
    expect(res.json.instances).toHaveLength(1);
    const [instance] = res.json.instances;
    expect(instance).toMatchObject({ id: 'fake-detector-1-0-0', kind: 'algorithm-server', owners: ['pip_a'], phase: 'ready', ready: true, restarts: direct.restarts, lastExit: direct.lastExit ?? null, endpoint: direct.endpoint });
    expect(instance!.logs).toEqual(expect.arrayContaining([`fake-algorithm-server listening on ${direct.endpoint!.port}`]));
    expect(instance!.logs!.some((line) => line.includes(`pid=${direct.pid}`))).toBe(true);
  });

  it('keeps log lines from viewers but shows them the status', async () => {
    const res = await ask(viewer, algorithmId);
    expect(res.status).toBe(200);
    expect(res.json.logsIncluded).toBe(false);
    expect(res.json.instances.map((instance) => [instance.id, instance.phase, instance.logs])).toEqual([['fake-detector-1-0-0', 'ready', null]]);
  });

  it('limits the lines to ?tail and validates the query strictly', async () => {
    const res = await ask(operator, algorithmId, '?tail=1');
    expect(res.status).toBe(200);
    expect(res.json.instances[0]!.logs).toHaveLength(1);
    for (const query of ['?tail=abc', '?tail=500', '?lines=5']) {
      const bad = await ask(operator, algorithmId, query);
      expect(bad.status, query).toBe(400);
      expect(bad.json).toMatchObject({ error: { code: 'validation_failed' } });
    }
  });

  it('a version with no running server has no instances; an unknown id is 404; no credentials is 401', async () => {
    const idle = await operator.call<{ id: string }>(algorithms.POST, { method: 'POST', body: manifest('3.0.0') });
    const res = await ask(operator, idle.json.id);
    expect(res.status).toBe(200);
    expect(res.json.instances).toEqual([]);
    expect((await ask(operator, 'alg_missing')).status).toBe(404);
    expect((await ask(new ApiClient(), algorithmId)).status).toBe(401);
  });

  it('shows a restart after the server is killed: restart count and last exit', async () => {
    if (dialect !== dialects[0]) return; // the runtime is shared: one kill is enough to prove the mapping
    const before = (await runtime.status('fake-detector-1-0-0'))!;
    process.kill(before.pid!, 'SIGKILL');
    await waitForWorkload(runtime, before.id, 'restarted and ready', (status) => status.restarts === 1 && status.ready, { timeoutMs: 15_000 });
    const res = await waitFor(() => ask(operator, algorithmId), (answer) => answer.json.instances[0]?.restarts === 1);
    expect(res.json.instances[0]).toMatchObject({ restarts: 1, ready: true, lastExit: { signal: 'SIGKILL', reason: 'exited' } });
  });

  it('answers 503 dependency_unavailable when no worker answers', async () => {
    await worker.stop();
    await closeWorkloadInspection(t.app);
    const started = Date.now();
    const res = await ask(operator, algorithmId);
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ error: { code: 'dependency_unavailable' } });
    expect((res.json as unknown as { error: { message: string } }).error.message).toMatch(/no worker answered/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('answers 503 dependency_unavailable when Temporal itself is unreachable', async () => {
    t.app.config = { ...t.app.config, temporal: { ...t.app.config.temporal, address: '127.0.0.1:1' } };
    await closeWorkloadInspection(t.app);
    const res = await ask(operator, algorithmId);
    expect(res.status).toBe(503);
    expect((res.json as unknown as { error: { code: string; message: string } }).error).toMatchObject({ code: 'dependency_unavailable', message: expect.stringMatching(/unreachable/) });
  }, 20_000);
});
