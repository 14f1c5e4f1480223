import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as settings from '../app/api/v1/settings/route';
import * as sites from '../app/api/v1/sites/route';
import * as job from '../app/api/v1/training/jobs/[id]/route';
import * as jobs from '../app/api/v1/training/jobs/route';
import * as publish from '../app/api/v1/training/models/[id]/publish/route';
import * as models from '../app/api/v1/training/models/route';
import type { TrainingJobSpec } from '../lib/contracts/training';
import { recordSiteHeartbeat } from '../server/training/site-registry';
import { publishModelVersion, recordTrainingRound } from '../server/training/training-records';
import { alarmVerifierTrainable } from '../training/alarm-verifier/alarm-verifier';
import { artifactRootOf, createFileArtifactStore } from '../training/artifact-store';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, unreachableWorkflowEngine, type TestApp } from './support/test-app';

const body = { algorithm: 'mnist-mlp', sites: ['site-a', 'site-b'], rounds: 3, strategy: { kind: 'fedprox', mu: 0.01 } };
const model = { uri: 'file:///artifacts/ab/ab#sha256=' + 'ab'.repeat(32), sha256: 'ab'.repeat(32) };

describe.each(dialects)('training API on %s', (dialect) => {
  let t: TestApp;
  let admin: ApiClient;
  let viewer: ApiClient;
  const started: Array<{ jobId: string; spec: TrainingJobSpec }> = [];

  beforeAll(async () => {
    // The workflow start is the only Temporal call here; test/federated-training.test.ts runs the real thing.
    t = await startTestApp(dialect, {
      workflows: { ...unreachableWorkflowEngine, startTrainingJob: async (input) => (started.push(input), { workflowId: `training:${input.jobId}` }) },
    });
    admin = await loggedIn(t, 'admin');
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => t.close());

  it('refuses new jobs with 409 and a way out while training is disabled (the default)', async () => {
    const res = await admin.call(jobs.POST, { method: 'POST', body });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/disabled.*trainingEnabled/);
    expect(started).toHaveLength(0);
  });

  it('validates the spec: quorum above the site count, secure aggregation with a median, unknown algorithms (400)', async () => {
    await admin.call(settings.PATCH, { method: 'PATCH', body: { trainingEnabled: true } });
    const quorum = await admin.call(jobs.POST, { method: 'POST', body: { ...body, minSuccessfulUpdates: 3 } });
    expect(quorum.status).toBe(400);
    expect(JSON.stringify(quorum.json)).toMatch(/quorum of 3 cannot be met by 2 sites/);
    const secureMedian = await admin.call(jobs.POST, { method: 'POST', body: { ...body, strategy: { kind: 'median' }, secureAggregation: true } });
    expect(secureMedian.status).toBe(400);
    expect(JSON.stringify(secureMedian.json)).toMatch(/secure aggregation reveals only the sum/);
    const unknown = await admin.call(jobs.POST, { method: 'POST', body: { ...body, algorithm: 'cifar-resnet' } });
    expect(unknown.status).toBe(400);
    expect((await viewer.call(jobs.POST, { method: 'POST', body })).status).toBe(403);
  });

  it('creates a job, starts training:<id> with the filled-in spec, and lists it', async () => {
    const res = await admin.call(jobs.POST, { method: 'POST', body });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ algorithm: 'mnist-mlp', state: 'queued', workflowId: `training:${res.json.id}`, roundsCompleted: 0 });
    expect(res.json.id).toMatch(/^trj_/);
    expect(started.at(-1)).toMatchObject({ jobId: res.json.id, spec: { clientFraction: 1, minSuccessfulUpdates: 1, local: { epochs: 1, batchSize: 10 }, strategy: { kind: 'fedprox', mu: 0.01 } } });
    expect(started.at(-1)!.spec.seed).toEqual(expect.any(Number));
    const list = await viewer.call(jobs.GET);
    expect(list.json.items.map((item: { id: string }) => item.id)).toContain(res.json.id);
  });

  it('shows a job with its rounds, per-site metrics and dropouts; publishes model versions per algorithm', async () => {
    const created = await admin.call(jobs.POST, { method: 'POST', body });
    const jobId: string = created.json.id;
    const metrics = { loss: 0.5, accuracy: 0.85, sampleCount: 300 };
    await recordTrainingRound(t.app.db, jobId, {
      round: 1,
      state: 'completed',
      attempts: 1,
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:00:09.000Z',
      selected: ['site-a', 'site-b'],
      training: [{ siteId: 'site-a', sampleCount: 500, metrics: { loss: 0.4, accuracy: 0.9 }, durationMs: 800 }],
      evaluation: [{ siteId: 'site-a', sampleCount: 300, metrics: { loss: 0.5, accuracy: 0.85 } }],
      dropouts: [{ siteId: 'site-b', attempt: 1, phase: 'training', reason: 'TimeoutFailure: activity Heartbeat timeout' }],
      metrics,
      model,
      privacy: null,
      secureAggregation: false,
    });
    const detail = await viewer.call(job.GET, { params: { id: jobId } });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id: jobId, roundsCompleted: 1, rounds: [{ round: 1, metrics, model, dropouts: [{ siteId: 'site-b', phase: 'training' }] }] });
    expect((await viewer.call(job.GET, { params: { id: 'trj_missing' } })).status).toBe(404);

    const first = await publishModelVersion(t.app.db, { jobId, algorithm: 'mnist-mlp', round: 1, model, metrics }, new Date());
    expect(await publishModelVersion(t.app.db, { jobId, algorithm: 'mnist-mlp', round: 1, model, metrics }, new Date())).toEqual(first);
    const other = await admin.call(jobs.POST, { method: 'POST', body });
    const second = await publishModelVersion(t.app.db, { jobId: other.json.id, algorithm: 'mnist-mlp', round: 3, model, metrics: null }, new Date());
    expect([first.version, second.version]).toEqual([1, 2]);
    const versions = await viewer.call(models.GET, { path: '/api/v1/training/models?algorithm=mnist-mlp' });
    expect(versions.json.items.map((item: { version: number }) => item.version).sort()).toEqual([1, 2]);
    expect(versions.json.items.find((item: { version: number }) => item.version === 1)).toMatchObject({ jobId, round: 1, model, metrics });
  });

  it('publishes an alarm-verifier version to deployments: one active per algorithm, rollout failures reported, MNIST refused', async () => {
    const operator = await loggedIn(t, 'operator');
    const store = createFileArtifactStore(artifactRootOf(t.app.config.dataDir));
    const verifierVersion = async (seed: number) => {
      const created = await admin.call(jobs.POST, { method: 'POST', body: { ...body, algorithm: 'alarm-verifier' } });
      const ref = await store.put(alarmVerifierTrainable.serialise(alarmVerifierTrainable.initialise(seed)));
      return (await publishModelVersion(t.app.db, { jobId: created.json.id, algorithm: 'alarm-verifier', round: 1, model: ref, metrics: null }, new Date())).id;
    };
    const [first, second] = [await verifierVersion(1), await verifierVersion(2)];
    // A pipeline meant to run whose workflow cannot be reached (no Temporal here): the publish stands, the rollout says so.
    const at = new Date().toISOString();
    await t.app.db.insertInto('pipelines').values({ id: 'pip_publishtest', name: 'p', description: '', latest_revision: 1, deployed_revision: 1, desired_state: 'running', created_at: at, updated_at: at }).execute();
    const published = await operator.call(publish.POST, { method: 'POST', params: { id: first }, body: {} });
    expect(published.status).toBe(200);
    expect(published.json.modelVersion).toMatchObject({ id: first, active: true });
    expect(published.json.rollout).toEqual([{ pipelineId: 'pip_publishtest', outcome: 'failed', error: expect.stringMatching(/no Temporal server/) }]);
    expect((await operator.call(publish.POST, { method: 'POST', params: { id: second }, body: {} })).status).toBe(200);
    const listed = await viewer.call(models.GET, { path: '/api/v1/training/models?algorithm=alarm-verifier' });
    expect(listed.json.items.map((item: { id: string; active: boolean }) => [item.id, item.active]).sort()).toEqual([[first, false], [second, true]].sort());
    const mnist = (await viewer.call(models.GET, { path: '/api/v1/training/models?algorithm=mnist-mlp' })).json.items[0];
    const refused = await operator.call(publish.POST, { method: 'POST', params: { id: mnist.id }, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/only alarm-verifier versions can be published/);
    expect((await operator.call(publish.POST, { method: 'POST', params: { id: 'mdv_nope' }, body: {} })).status).toBe(404);
    expect((await viewer.call(publish.POST, { method: 'POST', params: { id: first }, body: {} })).status).toBe(403);
    await t.app.db.deleteFrom('pipelines').where('id', '=', 'pip_publishtest').execute();
  });

  it('lists sites as online while their last heartbeat is younger than 60 s; an older beat never moves last-seen back', async () => {
    const now = t.app.now();
    const beat = (siteId: string, secondsAgo: number) => ({ siteId, samples: 900, testSamples: 150, algorithms: ['mnist-mlp'], publicKey: 'key', agent: { hostname: 'h', pid: 1, version: '0.1.0' }, sentAt: new Date(now.getTime() - secondsAgo * 1000).toISOString() });
    await recordSiteHeartbeat(t.app.db, beat('site-a', 5), now);
    await recordSiteHeartbeat(t.app.db, beat('site-b', 90), now);
    await recordSiteHeartbeat(t.app.db, beat('site-a', 200), now);
    const res = await viewer.call(sites.GET);
    expect(res.status).toBe(200);
    expect(res.json.items).toMatchObject([
      { id: 'site-a', state: 'online', samples: 900, testSamples: 150, algorithms: ['mnist-mlp'], lastSeenAt: beat('site-a', 5).sentAt },
      { id: 'site-b', state: 'offline' },
    ]);
  });
});
