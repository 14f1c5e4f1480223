import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db/connect';
import type { CreateTrainingJobBody } from '../lib/contracts/training';
import { createLogger } from '../server/logger';
import { createSecretBox } from '../server/secrets/secret-box';
import { insertTrainingJob, resolveTrainingSpec } from '../server/training/create-training-job';
import { getTrainingJob } from '../server/training/list-training-jobs';
import { listSites } from '../server/training/site-registry';
import { writeSiteShards } from '../training/datasets/write-site-shards';
import { loadMnist } from '../training/mnist/load-mnist';
import type { federatedTrainingWorkflow } from '../workflows';
import { startSiteAgent, type SiteAgentProcess } from './support/site-agent-process';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';

const siteIds = ['site-a', 'site-b', 'site-c'];
const taskQueue = `federated-test-${process.pid}`;

// The coordinator's logs are kept: the secure-aggregation test greps them for site updates.
const logLines: string[] = [];
const logger = createLogger({ level: 'info', name: 'federated-test', destination: new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) }) });

/** The paper's pathological non-IID split (two label-sorted shards per site), a few thousand digits, E = 2, B = 10. */
const baseJob: CreateTrainingJobBody = {
  algorithm: 'mnist-mlp',
  sites: siteIds,
  rounds: 4,
  minSuccessfulUpdates: 2,
  local: { epochs: 2, batchSize: 10, learningRate: 0.1 },
  seed: 20_17,
  timing: { roundTimeoutSeconds: 120, siteHeartbeatTimeoutSeconds: 10, sitePickupTimeoutSeconds: 6, retryDelaySeconds: 1 },
};

describe('FederatedTraining on a real Temporal dev server with three site agent processes', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let dataDir: string;
  let coordinator: RunningWorker;
  const agents = new Map<string, SiteAgentProcess>();
  let reference: Awaited<ReturnType<typeof federatedTrainingWorkflow>>;

  const siteFolder = (siteId: string) => join(dataDir, 'sites', siteId);
  const startAgent = (siteId: string) => agents.set(siteId, startSiteAgent({ siteId, dataDir: siteFolder(siteId), temporalAddress: env.address, artifactsDir: join(dataDir, 'artifacts'), taskQueue }));
  const startCoordinator = () => startVigilWorker(env, taskQueue, { db, logger, secrets: createSecretBox(randomBytes(32)), dataDir });
  const onlineSites = async () => (await listSites(db, new Date())).filter((site) => site.state === 'online').map((site) => site.id);

  async function startJob(overrides: Partial<CreateTrainingJobBody> = {}) {
    const spec = resolveTrainingSpec({ ...baseJob, ...overrides });
    const job = await insertTrainingJob(db, spec, null, new Date());
    const handle = await env.client.workflow.start<typeof federatedTrainingWorkflow>('federatedTrainingWorkflow', { workflowId: job.workflowId, taskQueue, args: [{ jobId: job.id, spec }] });
    return { job, handle };
  }

  /** Site training activities of the workflow that a site has picked up (and is heartbeating). */
  async function startedTrainings(handle: { describe(): Promise<{ raw: { pendingActivities?: Array<{ activityType?: { name?: string | null } | null; state?: unknown }> | null } }> }): Promise<number> {
    const { raw } = await handle.describe();
    return (raw.pendingActivities ?? []).filter((activity) => activity.activityType?.name === 'trainLocally' && String(activity.state) !== 'PENDING_ACTIVITY_STATE_SCHEDULED' && activity.state !== 1).length;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-federated-'));
    db = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'vigil.db') });
    await migrateToLatest(db);
    env = await startTemporalDevServer(logger);
    const { train } = loadMnist();
    const shards = await writeSiteShards(train, { algorithm: 'mnist-mlp', siteIds, root: join(dataDir, 'sites'), split: { kind: 'non-iid', shardsPerSite: 2 }, seed: 3, limit: 3000 });
    // Non-IID indeed: two label-sorted shards of ~500 digits reach at most six of the ten classes.
    for (const shard of shards) expect(shard.labels.length).toBeLessThanOrEqual(6);
    coordinator = await startCoordinator();
    for (const siteId of siteIds) startAgent(siteId);
    await waitFor(onlineSites, (online) => online.length === 3, 90_000);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...agents.values()].map((agent) => agent.stop()));
    await coordinator?.stop();
    await env?.teardown();
    await db?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers each agent as an online site with the samples in its own folder', async () => {
    const sites = await listSites(db, new Date());
    expect(sites.map((site) => site.id)).toEqual(siteIds);
    for (const site of sites) {
      expect(site).toMatchObject({ state: 'online', algorithms: ['mnist-mlp'] });
      expect(site.samples).toBeGreaterThan(700);
      expect(site.agent.pid).toBe(agents.get(site.id)!.child.pid);
    }
  });

  it('trains MNIST across the three non-IID sites: federated accuracy rises round by round to > 70 %', async () => {
    const started = Date.now();
    const { job, handle } = await startJob();
    reference = await handle.result();
    const detail = await getTrainingJob({ db }, job.id);
    const accuracies = detail.rounds.map((round) => round.metrics!.accuracy);
    console.log(`non-IID FedAvg, 3 sites: accuracy per round ${accuracies.map((value) => value.toFixed(3)).join(' → ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    expect(reference.roundsCompleted).toBe(4);
    expect(detail).toMatchObject({ state: 'completed', roundsCompleted: 4, stoppedEarly: false, modelVersionId: reference.modelVersion.id });
    expect(accuracies[0]).toBeGreaterThan(0.1);
    expect(accuracies.at(-1)).toBeGreaterThan(0.7);
    expect(accuracies.at(-1)! - accuracies[0]!).toBeGreaterThan(0.15);
    for (const round of detail.rounds) {
      expect(round.training.map((site) => site.siteId)).toEqual(siteIds);
      expect(round.evaluation).toHaveLength(3);
      expect(round.model!.uri).toMatch(/^file:\/\/.*#sha256=[0-9a-f]{64}$/);
      expect(round.dropouts).toEqual([]);
    }
    const version = await db.selectFrom('model_versions').selectAll().where('job_id', '=', job.id).executeTakeFirstOrThrow();
    expect(version).toMatchObject({ algorithm: 'mnist-mlp', version: 1, round: 4, model_sha256: reference.model.sha256 });
  }, 240_000);

  it('survives the coordinator crashing mid-round: same rounds and bit-identical final weights', async () => {
    const { job, handle } = await startJob();
    // Round 1 checkpointed, round 2 training at the sites: then the coordinator's worker goes away.
    await waitFor(() => db.selectFrom('training_rounds').select('round').where('job_id', '=', job.id).execute(), (rows) => rows.length >= 1, 120_000);
    await waitFor(() => startedTrainings(handle), (count) => count >= 1, 60_000);
    const checkpointsAtCrash = await db.selectFrom('training_rounds').select('round').where('job_id', '=', job.id).execute();
    await coordinator.stop();
    expect(checkpointsAtCrash.length).toBeLessThan(4);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await getTrainingJob({ db }, job.id)).state).toBe('running');
    coordinator = await startCoordinator();

    const result = await handle.result();
    expect(result.roundsCompleted).toBe(reference.roundsCompleted);
    expect(result.model).toEqual(reference.model);
    expect(result.history.map((round) => round.accuracy)).toEqual(reference.history.map((round) => round.accuracy));
    const detail = await getTrainingJob({ db }, job.id);
    expect(detail.rounds.map((round) => round.round)).toEqual([1, 2, 3, 4]);
  }, 240_000);

  it('secure aggregation (+ DP): the coordinator stores and logs only masked vectors; early stopping at the target', async () => {
    // Another seed: with the reference job's, round 1's updates would equal ones that job uploaded in the clear.
    const { job, handle } = await startJob({ seed: 99, secureAggregation: true, privacy: { clipNorm: 50, noiseMultiplier: 0.0001 }, minSuccessfulUpdates: 3, rounds: 3, target: { metric: 'accuracy', value: 0.4 } });
    const result = await handle.result();
    const detail = await getTrainingJob({ db }, job.id);
    expect(detail.state).toBe('completed');
    expect(result.metrics!.accuracy).toBeGreaterThanOrEqual(0.4);
    expect(detail.stoppedEarly).toBe(result.roundsCompleted < 3);
    for (const round of detail.rounds) {
      expect(round.secureAggregation).toBe(true);
      expect(round.privacy).toMatchObject({ clipNorm: 50, noiseMultiplier: 0.0001 });
      expect(round.training.every((site) => !('update' in site))).toBe(true);
    }
    const { assertNoIndividualUpdateLeaked } = await import('./support/secure-aggregation-audit');
    await assertNoIndividualUpdateLeaked({ db, artifactsDir: join(dataDir, 'artifacts'), logs: logLines.join(''), jobId: job.id, rounds: result.roundsCompleted, siteFolders: siteIds.map(siteFolder) });
  }, 240_000);

  it('a site agent killed mid-round is dropped; the round completes with the quorum and records the dropout', async () => {
    const { job, handle } = await startJob({ rounds: 2 });
    await waitFor(() => startedTrainings(handle), (count) => count === 3, 120_000);
    await agents.get('site-c')!.kill();

    const result = await handle.result();
    expect(result.roundsCompleted).toBe(2);
    const detail = await getTrainingJob({ db }, job.id);
    const [first, second] = detail.rounds;
    expect(first!.training.map((site) => site.siteId)).toEqual(['site-a', 'site-b']);
    expect(first!.dropouts).toContainEqual(expect.objectContaining({ siteId: 'site-c', phase: 'training', attempt: 1 }));
    expect(second!.training.map((site) => site.siteId)).toEqual(['site-a', 'site-b']);
    expect(second!.dropouts.some((dropout) => dropout.siteId === 'site-c')).toBe(true);
    expect(result.history.map((round) => round.participants)).toEqual([2, 2]);
  }, 240_000);
});
