import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as alarms from '../app/api/v1/alarms/route';
import * as publish from '../app/api/v1/training/models/[id]/publish/route';
import * as models from '../app/api/v1/training/models/route';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import type { Alarm } from '../lib/contracts/alarms';
import type { ModelVersion } from '../lib/contracts/training';
import { encodeWeights } from '../lib/federated/weights-codec';
import { createLogger } from '../server/logger';
import { activateModelVersion } from '../server/training/active-model-versions';
import { insertTrainingJob, resolveTrainingSpec } from '../server/training/create-training-job';
import { publishModelVersion } from '../server/training/training-records';
import { alarmVerifierTrainable } from '../training/alarm-verifier/alarm-verifier';
import { artifactRootOf, createFileArtifactStore } from '../training/artifact-store';
import { mnistMlpTrainable } from '../training/mnist/mnist-mlp';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { startInProcessPipelineWorker, startPipelinePlatform, type InProcessPipelineWorker, type PipelinePlatform, type PipelineStatusView } from './support/pipeline-platform';
import { startTemporalDevServer, waitFor } from './support/temporal-harness';

const taskQueue = `model-publishing-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'model-publishing-test' });

/** A verifier that gives every crop one score: zero weights, last bias [-b, b] → score = softmax(2b); b = 2: ≈ 0.982. */
function confidentVerifier(trueBias = 2): Uint8Array {
  const weights = alarmVerifierTrainable.initialise(1).map((tensor) => ({ ...tensor, values: new Float32Array(tensor.values.length) }));
  weights.at(-1)!.values.set([-trueBias, trueBias]);
  return encodeWeights(weights);
}

const analyzersOf = (view: PipelineStatusView) => view.status?.workloads.filter((workload) => workload.kind === 'analyzer') ?? [];

describe('publishing an alarm-verifier version to the analyzers (real Temporal, real analyzer processes)', () => {
  let env: TestWorkflowEnvironment;
  let platform: PipelinePlatform;
  let worker: InProcessPipelineWorker;
  let viewer: ApiClient;

  /** A model version as a finished training job leaves it: weights in the artifact store, a model_versions row. */
  async function createModelVersion(algorithm: 'alarm-verifier' | 'mnist-mlp', bytes: Uint8Array | null): Promise<string> {
    const db = platform.t.app.db;
    const job = await insertTrainingJob(db, resolveTrainingSpec({ algorithm, sites: ['site-a'], rounds: 1 }), null, new Date());
    const model = bytes ? await createFileArtifactStore(artifactRootOf(platform.t.app.config.dataDir)).put(bytes) : { uri: `file:///nowhere/ab/${'ab'.repeat(32)}#sha256=${'ab'.repeat(32)}`, sha256: 'ab'.repeat(32) };
    return (await publishModelVersion(db, { jobId: job.id, algorithm, round: 1, model, metrics: null }, new Date())).id;
  }

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    platform = await startPipelinePlatform({ temporalAddress: env.address, taskQueue, logger });
    worker = await startInProcessPipelineWorker(env, platform, { taskQueue, logger });
    viewer = await loggedIn(platform.t, 'viewer');
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await platform?.close();
    await env?.teardown();
  });

  it('marks the version active, rolls running pipelines over to analyzers that verify alarms with it, and deploys later ones with it', async () => {
    const { operator } = platform;
    const running = await platform.createMotionPipeline('Running before the publish');
    await platform.deploy(running.pipelineId);
    const before = await platform.waitForState(running.pipelineId, (view) => view.status?.state === 'running' && analyzersOf(view).length === 1, 90_000);
    expect(analyzersOf(before)[0]!.verifier).toBeUndefined();

    // (d) What cannot be published answers with a clear 4xx and changes nothing.
    const mnistId = await createModelVersion('mnist-mlp', mnistMlpTrainable.serialise(mnistMlpTrainable.initialise(1)));
    const mnist = await operator.call(publish.POST, { method: 'POST', params: { id: mnistId }, body: {} });
    expect(mnist.status).toBe(409);
    expect(mnist.json.error).toMatchObject({ code: 'conflict', details: { algorithm: 'mnist-mlp', publishable: ['alarm-verifier'] } });
    expect(mnist.json.error.message).toMatch(/only alarm-verifier versions can be published to analyzers/);
    const unknown = await operator.call(publish.POST, { method: 'POST', params: { id: 'mdv_doesnotexist' }, body: {} });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: 'not_found', message: 'Model version mdv_doesnotexist does not exist' });
    const unloadable = await operator.call(publish.POST, { method: 'POST', params: { id: await createModelVersion('alarm-verifier', null) }, body: {} });
    expect(unloadable.status).toBe(409);
    expect(unloadable.json.error.message).toMatch(/cannot be published: its model cannot be loaded/);
    const verifierId = await createModelVersion('alarm-verifier', confidentVerifier());
    expect((await viewer.call(publish.POST, { method: 'POST', params: { id: verifierId }, body: {} })).status).toBe(403);
    expect((await operator.call(publish.POST, { method: 'POST', params: { id: verifierId }, body: { force: true } })).status).toBe(400);
    expect((await viewer.call<{ items: ModelVersion[] }>(models.GET, { path: '/api/v1/training/models' })).json.items.every((item) => !item.active)).toBe(true);

    const published = await operator.call(publish.POST, { method: 'POST', params: { id: verifierId }, body: { note: 'first verifier' } });
    expect(published.status).toBe(200);
    expect(published.json).toEqual({ modelVersion: expect.objectContaining({ id: verifierId, algorithm: 'alarm-verifier', active: true }), rollout: [{ pipelineId: running.pipelineId, outcome: 'signalled' }] });

    // (a) The list says which version is active, and only that one.
    const listed = await viewer.call<{ items: ModelVersion[] }>(models.GET, { path: '/api/v1/training/models' });
    expect(listed.json.items.filter((item) => item.active).map((item) => item.id)).toEqual([verifierId]);
    expect(listed.json.items.find((item) => item.id === mnistId)?.active).toBe(false);

    // (c) The running pipeline is handed over (same revision) to analyzers that loaded the model ...
    const rolled = await platform.waitForState(
      running.pipelineId,
      (view) => view.status?.state === 'running' && analyzersOf(view).length === 1 && analyzersOf(view).every((workload) => workload.verifier?.state === 'ready'),
      90_000,
    );
    expect(rolled.status).toMatchObject({ revision: 1, lastUpdate: { fromRevision: 1, toRevision: 1, reason: `model version ${verifierId} published`, withinBound: true } });
    expect(analyzersOf(rolled)[0]!.verifier?.modelVersionId).toBe(verifierId);
    expect(analyzersOf(rolled)[0]!.workloadId).not.toBe(analyzersOf(before)[0]!.workloadId);
    expect((await worker.runtime.list()).filter((workload) => workload.kind === 'analyzer').map((workload) => workload.id)).toEqual([analyzersOf(rolled)[0]!.workloadId]);
    // ... whose alarm events carry the verification.
    const verified = await waitFor(
      async () => (await viewer.call<{ items: Alarm[] }>(alarms.GET, { path: `/api/v1/alarms?pipelineId=${running.pipelineId}` })).json.items,
      (items) => items.some((alarm) => alarm.event.verification !== undefined),
      60_000,
    );
    expect(verified.find((alarm) => alarm.event.verification)?.event.verification).toEqual({ modelVersionId: verifierId, score: 0.982, verdict: 'true' });

    // (b) A pipeline deployed afterwards gets the model in its analyzers' run spec from the start.
    const later = await platform.createMotionPipeline('Deployed after the publish');
    await platform.deploy(later.pipelineId);
    const laterView = await platform.waitForState(later.pipelineId, (view) => view.status?.state === 'running' && analyzersOf(view).length === 1, 90_000);
    expect(analyzersOf(laterView)[0]!.verifier).toMatchObject({ modelVersionId: verifierId, state: 'ready' });
    const runSpec = JSON.parse(readFileSync(join(platform.t.app.config.dataDir, 'runtime', 'analyzers', `${later.pipelineId}-c1-r1-${verifierId}.json`), 'utf8')) as AnalyzerRunSpec;
    const row = await platform.t.app.db.selectFrom('model_versions').selectAll().where('id', '=', verifierId).executeTakeFirstOrThrow();
    expect(runSpec.verifier).toEqual({ modelVersionId: verifierId, uri: row.model_uri, sha256: row.model_sha256, artifactRoot: artifactRootOf(platform.t.app.config.dataDir) });

    // A repair restores what ran: a lost analyzer comes back with its own model, even if another was activated since
    // (without a redeploy, that one is not rolled out).
    await activateModelVersion(platform.t.app.db, { algorithm: 'alarm-verifier', modelVersionId: await createModelVersion('alarm-verifier', confidentVerifier(-2)), publishedBy: null }, new Date());
    const lost = analyzersOf(rolled)[0]!.workloadId;
    await worker.runtime.remove(lost);
    const repaired = await platform.waitForState(running.pipelineId, (view) => view.status?.repairs === 1 && analyzersOf(view)[0]?.verifier?.state === 'ready', 60_000);
    expect(analyzersOf(repaired)[0]).toMatchObject({ workloadId: lost, verifier: { modelVersionId: verifierId } });

    const audit = await platform.t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'training.model.publish').execute();
    expect(audit.map((entry) => [entry.resource_id, JSON.parse(entry.details).note])).toEqual([[verifierId, 'first verifier']]);

    for (const pipelineId of [running.pipelineId, later.pipelineId]) await platform.stop(pipelineId);
    for (const pipelineId of [running.pipelineId, later.pipelineId]) await platform.waitForState(pipelineId, (view) => view.status?.state === 'stopped', 60_000);
    expect(await worker.runtime.list()).toEqual([]);
  }, 300_000);
});
