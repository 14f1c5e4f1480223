import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db/connect';
import type { CreateTrainingJobBody } from '../lib/contracts/training';
import { createLogger } from '../server/logger';
import { insertTrainingJob, resolveTrainingSpec } from '../server/training/create-training-job';
import { getTrainingJob } from '../server/training/list-training-jobs';
import { listSites } from '../server/training/site-registry';
import { writeSiteShards } from '../training/datasets/write-site-shards';
import { loadMnist } from '../training/mnist/load-mnist';
import type { federatedTrainingWorkflow } from '../workflows';
import { startSiteAgent, type SiteAgentProcess } from './support/site-agent-process';
import { startTemporalDevServer, waitFor } from './support/temporal-harness';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';

const siteIds = ['site-a', 'site-b', 'site-c'];
const taskQueue = `federated-test-${process.pid}`;

const logger = createLogger({ level: 'error', name: 'federated-test' });

/** The paper's pathological non-IID split (two label-sorted shards per site), a few thousand digits, E = 2, B = 10. */
const baseJob: CreateTrainingJobBody = {
  algorithm: 'mnist-mlp',
  sites: siteIds,
  rounds: 4,
  minSuccessfulUpdates: 2,
  local: { epochs: 2, batchSize: 10, learningRate: 0.1 },
  seed: 20_17,
  timing: { roundTimeoutSeconds: 120, siteHeartbeatTimeoutSeconds: 10, sitePickupTimeoutSeconds: 6, retryDelaySeconds: 1 },
  // Out of reach on purpose: the job runs every round and says it did not stop early.
  target: { metric: 'accuracy', value: 0.999 },
};

/** The bytes behind an artifact reference (`file:///…#sha256=…`), hashed here rather than trusted from the URI. */
function sha256OfArtifact(uri: string): string {
  return createHash('sha256').update(readFileSync(fileURLToPath(uri.split('#')[0]!))).digest('hex');
}

describe('FederatedTraining on a real Temporal dev server with three site agent processes', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let dataDir: string;
  // The coordinator (FederatedTraining and its activities) is Vigil's worker in its own OS process, so it can be SIGKILLed.
  const coordinators: WorkerProcess[] = [];
  const secretKey = randomBytes(32).toString('base64');
  const agents = new Map<string, SiteAgentProcess>();
  let reference: Awaited<ReturnType<typeof federatedTrainingWorkflow>>;
  let referenceJobId: string;

  const siteFolder = (siteId: string) => join(dataDir, 'sites', siteId);
  const startAgent = (siteId: string) => agents.set(siteId, startSiteAgent({ siteId, dataDir: siteFolder(siteId), temporalAddress: env.address, artifactsDir: join(dataDir, 'artifacts'), taskQueue }));
  const coordinator = () => coordinators.at(-1)!;
  // Every coordinator's log lines (the killed ones' too): the secure-aggregation test greps them for site updates.
  const coordinatorLogs = () => coordinators.map((worker) => worker.output()).join('');
  async function startCoordinator(): Promise<WorkerProcess> {
    const worker = startWorkerProcess({
      VIGIL_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${join(dataDir, 'vigil.db')}`,
      TEMPORAL_ADDRESS: env.address,
      VIGIL_TASK_QUEUE: taskQueue,
      VIGIL_SECRET_KEY: secretKey,
      VIGIL_MEDIA_SERVER: 'none',
      VIGIL_LOG_LEVEL: 'info',
    });
    coordinators.push(worker);
    await worker.waitForLog('worker polling', 120_000);
    return worker;
  }
  const roundsOf = async (jobId: string) => (await db.selectFrom('training_rounds').select('round').where('job_id', '=', jobId).orderBy('round').execute()).map((row) => row.round);
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
    await startCoordinator();
    for (const siteId of siteIds) startAgent(siteId);
    await waitFor(onlineSites, (online) => online.length === 3, 90_000);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...agents.values()].map((agent) => agent.stop()));
    for (const worker of coordinators) await worker.kill();
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
    referenceJobId = job.id;
    reference = await handle.result();
    const detail = await getTrainingJob({ db }, job.id);
    const accuracies = detail.rounds.map((round) => round.metrics!.accuracy);
    console.log(`non-IID FedAvg, 3 sites: accuracy per round ${accuracies.map((value) => value.toFixed(3)).join(' → ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The target (0.999) is out of reach: every round runs and the job does not claim to have stopped early.
    expect(reference).toMatchObject({ roundsCompleted: 4, stoppedEarly: false });
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
    expect(sha256OfArtifact(reference.model.uri)).toBe(reference.model.sha256);
  }, 240_000);

  it('early stopping: a target reached at round 2 of 4 ends the job there, says so, and publishes round 2’s model', async () => {
    // Same seed, same data: the rounds replay the reference job's, so a target between its round-1 and round-2
    // accuracies is first reached at round 2.
    const referenceRounds = (await getTrainingJob({ db }, referenceJobId)).rounds;
    const [first, second] = referenceRounds.map((round) => round.metrics!.accuracy);
    expect(second!).toBeGreaterThan(first!);
    const target = (first! + second!) / 2;
    const { job, handle } = await startJob({ target: { metric: 'accuracy', value: target } });
    const result = await handle.result();
    const detail = await getTrainingJob({ db }, job.id);

    expect(result).toMatchObject({ roundsCompleted: 2, stoppedEarly: true });
    expect(detail).toMatchObject({ state: 'completed', roundsCompleted: 2, stoppedEarly: true, modelVersionId: result.modelVersion.id });
    // No round after the one that reached the target: round 1 fell short, round 2 reached it, and nothing followed.
    expect(detail.rounds.map((round) => round.round)).toEqual([1, 2]);
    expect(await roundsOf(job.id)).toEqual([1, 2]);
    expect(detail.rounds[0]!.metrics!.accuracy).toBeLessThan(target);
    expect(detail.rounds[1]!.metrics!.accuracy).toBeGreaterThanOrEqual(target);
    expect(result.model).toEqual(referenceRounds[1]!.model);
    const version = await db.selectFrom('model_versions').selectAll().where('job_id', '=', job.id).executeTakeFirstOrThrow();
    expect(version).toMatchObject({ round: 2, model_sha256: referenceRounds[1]!.model!.sha256 });
  }, 240_000);

  it('survives the coordinator’s worker process being SIGKILLed mid-round: same rounds and bit-identical final weights', async () => {
    const { job, handle } = await startJob();
    // Round 1 checkpointed and round 2's local training picked up by a site: the round is in progress.
    await waitFor(() => roundsOf(job.id), (rounds) => rounds.length >= 1, 120_000);
    await waitFor(() => startedTrainings(handle), (count) => count >= 1, 60_000);
    const killed = coordinator();
    await killed.kill();
    expect(killed.child.signalCode).toBe('SIGKILL');
    // What the killed process had checkpointed: round 1 only, so round 2 was cut off in the middle.
    expect(await roundsOf(job.id)).toEqual([1]);
    // Nothing runs the coordinator now: the job waits, still running, and no round is recorded meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await getTrainingJob({ db }, job.id)).state).toBe('running');
    expect(await roundsOf(job.id)).toEqual([1]);
    const restarted = await startCoordinator();
    expect(restarted.pid).not.toBe(killed.pid);

    const result = await handle.result();
    expect(result.roundsCompleted).toBe(reference.roundsCompleted);
    expect(result.model).toEqual(reference.model);
    expect(result.history.map((round) => round.accuracy)).toEqual(reference.history.map((round) => round.accuracy));
    const detail = await getTrainingJob({ db }, job.id);
    expect(detail).toMatchObject({ state: 'completed', roundsCompleted: 4, stoppedEarly: false });
    expect(detail.rounds.map((round) => round.round)).toEqual([1, 2, 3, 4]);
    // The published model's bytes, hashed here, are the uninterrupted run's.
    const version = await db.selectFrom('model_versions').selectAll().where('job_id', '=', job.id).executeTakeFirstOrThrow();
    expect(version).toMatchObject({ round: 4, model_sha256: reference.model.sha256 });
    expect(sha256OfArtifact(result.model.uri)).toBe(sha256OfArtifact(reference.model.uri));
  }, 240_000);

  it('secure aggregation (+ DP): the coordinator stores and logs only masked vectors', async () => {
    // Another seed: with the reference job's, round 1's updates would equal ones that job uploaded in the clear.
    const { job, handle } = await startJob({ seed: 99, secureAggregation: true, privacy: { clipNorm: 50, noiseMultiplier: 0.0001 }, minSuccessfulUpdates: 3, rounds: 3, target: { metric: 'accuracy', value: 0.4 } });
    const result = await handle.result();
    const detail = await getTrainingJob({ db }, job.id);
    expect(detail.state).toBe('completed');
    expect(result.metrics!.accuracy).toBeGreaterThanOrEqual(0.4);
    // It stops at the first round that reaches the target (or after round 3), and says which.
    const accuracies = detail.rounds.map((round) => round.metrics!.accuracy);
    expect(accuracies.slice(0, -1).every((accuracy) => accuracy < 0.4)).toBe(true);
    expect(detail.stoppedEarly).toBe(result.roundsCompleted < 3);
    for (const round of detail.rounds) {
      expect(round.secureAggregation).toBe(true);
      expect(round.privacy).toMatchObject({ clipNorm: 50, noiseMultiplier: 0.0001 });
      expect(round.training.every((site) => !('update' in site))).toBe(true);
    }
    const { assertNoIndividualUpdateLeaked } = await import('./support/secure-aggregation-audit');
    await assertNoIndividualUpdateLeaked({ db, artifactsDir: join(dataDir, 'artifacts'), logs: coordinatorLogs(), jobId: job.id, rounds: result.roundsCompleted, siteFolders: siteIds.map(siteFolder) });
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
