import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import type { AlgorithmManifest } from '../lib/algorithms/manifest-schema';
import type { VigilConfig } from '../lib/config/config-schema';
import type { PipelineDeployment, WorkloadHealthView } from '../lib/pipeline/deployment';
import type { PipelineSpec } from '../lib/pipeline/pipeline-spec';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import { planRestream } from '../analyzer/restream-plan';
import type { RelaySet } from '../media/relay/relay-set';
import { buildAlgorithmServerSpec } from '../runtime/algorithm-server-workload';
import { buildAnalyzerSpec } from '../runtime/analyzer-workload';
import type { WorkloadRuntime, WorkloadStatus } from '../runtime/workload-runtime.port';
import type { Logger } from '../server/logger';
import { loadCompileCatalog } from '../server/pipelines/load-compile-catalog';
import type { SecretBox } from '../server/secrets/secret-box';
import { hashOpaqueToken } from '../server/auth/opaque-token';
import { issueServiceToken, revokeServiceTokens } from '../server/tokens/issue-service-token';
import { compilePipeline } from '../lib/pipeline/compile-pipeline';
import { createPipelineRelays } from './pipeline-relays';

export interface PipelineActivityDeps {
  db: Db;
  logger: Logger;
  config: VigilConfig;
  secrets: SecretBox;
  runtime: WorkloadRuntime;
  repositoryRoot: string;
  /** The worker's camera relays (docs/decisions/0006); absent: analyzers open their cameras directly. */
  relays?: RelaySet;
}

const tokenName = (pipelineId: string, revision: number) => `analyzer:${pipelineId}:r${revision}`;

/** Waits for a workload to be ready, heartbeating; a crash-looping or failed one fails the wait with its reason. */
async function waitReady(runtime: WorkloadRuntime, id: string, timeoutMs: number): Promise<WorkloadStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await runtime.status(id);
    heartbeat({ workloadId: id, phase: status?.phase });
    if (status?.ready && status.endpoint) return status;
    if (status?.phase === 'failed') throw ApplicationFailure.nonRetryable(`${id} cannot run: ${status.message ?? 'failed'}`, 'WorkloadFailed');
    if (Date.now() > deadline) throw ApplicationFailure.retryable(`${id} not ready after ${timeoutMs / 1000} s (phase ${status?.phase ?? 'missing'}${status?.message ? `: ${status.message}` : ''})`, 'WorkloadNotReady');
    await new Promise((done) => setTimeout(done, 500));
  }
}

export function createPipelineActivities(given: PipelineActivityDeps | undefined) {
  const deps = given ?? withoutRuntime();
  const runSpecDir = resolve(deps.config.dataDir, 'runtime', 'analyzers');
  const relays = createPipelineRelays(deps);

  /** Health checks and bookkeeping must not fail over a relay: the next sync (15 s later) tries again. */
  async function syncRelaysQuietly(): Promise<void> {
    try {
      await relays.sync();
    } catch (error) {
      deps.logger.warn({ err: error }, 'camera relays not synchronised');
    }
  }

  const runSpecFileOf = (pipelineId: string, cameraNodeId: string, revision: number) => join(runSpecDir, `${pipelineId}-${cameraNodeId}-r${revision}.json`);

  /**
   * The service token of a revision's analyzers. A deploy that runs again (an activity retried after its worker
   * died, a repair of one lost analyzer) keeps the live token already in the run specs: analyzers that are running
   * (adopted by the runtime, not restarted) read theirs at start, and revoking it would get their alarms refused.
   */
  async function serviceTokenFor(pipelineId: string, revision: number, runSpecFiles: string[]): Promise<string> {
    const name = tokenName(pipelineId, revision);
    for (const file of runSpecFiles) {
      const token = await readFile(file, 'utf8').then((text) => (JSON.parse(text) as Partial<AnalyzerRunSpec>).report?.token, () => undefined);
      if (!token) continue;
      const live = await deps.db.selectFrom('api_tokens').select('id').where('name', '=', name).where('token_hash', '=', hashOpaqueToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
      if (live) return token;
    }
    return issueServiceToken(deps.db, name, new Date());
  }

  async function compileRevision(pipelineId: string, revision: number): Promise<PipelineSpec> {
    const pipeline = await deps.db.selectFrom('pipelines').select(['name']).where('id', '=', pipelineId).executeTakeFirst();
    const saved = await deps.db.selectFrom('pipeline_revisions').select(['graph']).where('pipeline_id', '=', pipelineId).where('revision', '=', revision).executeTakeFirst();
    if (!pipeline || !saved) throw ApplicationFailure.nonRetryable(`pipeline ${pipelineId} revision ${revision} does not exist`, 'NotFound');
    const graph: unknown = JSON.parse(saved.graph);
    const compiled = compilePipeline({ graph, pipeline: { id: pipelineId, name: pipeline.name, revision }, catalog: await loadCompileCatalog(deps.db, graph) });
    if (!compiled.ok) throw ApplicationFailure.nonRetryable(`revision ${revision} does not compile: ${compiled.errors.map((e) => e.message).join('; ')}`, 'CompileFailed');
    return compiled.spec;
  }

  return {
    /** Compile → algorithm servers (shared, claimed by this pipeline) → one analyzer per camera. Idempotent. */
    async deployPipelineRevision(input: { pipelineId: string; revision: number }): Promise<PipelineDeployment> {
      const { pipelineId, revision } = input;
      const spec = await compileRevision(pipelineId, revision);
      const servers: Record<string, { name: string; version: string; baseUrl: string }> = {};
      const algorithmServers: PipelineDeployment['algorithmServers'] = [];
      for (const algorithm of spec.algorithms) {
        const row = await deps.db.selectFrom('algorithms').select(['manifest']).where('id', '=', algorithm.algorithmId).executeTakeFirstOrThrow();
        const workload = buildAlgorithmServerSpec(JSON.parse(row.manifest) as AlgorithmManifest, { owner: pipelineId, packageDirectory: deps.repositoryRoot });
        await deps.runtime.deploy(workload);
        const ready = await waitReady(deps.runtime, workload.id, 180_000);
        servers[algorithm.algorithmId] = { name: algorithm.name, version: algorithm.version, baseUrl: `http://${ready.endpoint!.host}:${ready.endpoint!.port}` };
        algorithmServers.push({ workloadId: workload.id, algorithmId: algorithm.algorithmId });
      }
      await mkdir(runSpecDir, { recursive: true, mode: 0o700 });
      const token = await serviceTokenFor(pipelineId, revision, spec.analyzers.map((analyzer) => runSpecFileOf(pipelineId, analyzer.cameraNodeId, revision)));
      // Relays first: the analyzers below read them, and retry until they publish.
      relays.claim(pipelineId, revision, spec.analyzers.map((analyzer) => analyzer.cameraId));
      await relays.sync();
      const media = deps.config.media;
      if (media.server === 'none' && spec.sinks.some((sink) => sink.type === 'restream')) deps.logger.warn({ pipelineId, revision }, 'restream sinks ignored: no media server is configured');
      const analyzers: PipelineDeployment['analyzers'] = [];
      for (const analyzer of spec.analyzers) {
        const runSpecFile = runSpecFileOf(pipelineId, analyzer.cameraNodeId, revision);
        const run: AnalyzerRunSpec = {
          pipeline: spec.pipeline,
          analyzer,
          streamUrl: await relays.streamUrl(analyzer.cameraId),
          algorithms: servers,
          report: { endpoint: `${deps.config.internalUrl}/api/v1/alarms/events`, token, spoolDir: resolve(deps.config.dataDir, 'runtime', 'outbox', `${pipelineId}-${analyzer.cameraNodeId}`) },
          motionGate: true,
        };
        const restream = media.server === 'none' ? undefined : planRestream(analyzer, spec.sinks, { host: media.internalHost, rtmpPort: media.rtmpPort });
        if (restream) run.restream = restream;
        await writeFile(runSpecFile, JSON.stringify(run), { mode: 0o600 });
        await chmod(runSpecFile, 0o600);
        const workload = buildAnalyzerSpec({ pipelineId, cameraNodeId: analyzer.cameraNodeId, cameraId: analyzer.cameraId, revision, runSpecFile, repositoryRoot: deps.repositoryRoot, image: 'vigil/analyzer:0.1.0' });
        await deps.runtime.deploy(workload);
        analyzers.push({ workloadId: workload.id, cameraNodeId: analyzer.cameraNodeId, cameraId: analyzer.cameraId });
      }
      for (const analyzer of analyzers) await waitReady(deps.runtime, analyzer.workloadId, 60_000);
      deps.logger.info({ pipelineId, revision, analyzers: analyzers.length, algorithmServers: algorithmServers.length }, 'pipeline revision deployed');
      return { revision, algorithmServers, analyzers };
    },

    /** Status of every workload of a deployment; ones the runtime lost are reported `missing` for the workflow to repair. */
    async inspectPipelineDeployment(deployment: PipelineDeployment): Promise<WorkloadHealthView[]> {
      // Level-triggered relays: every health check restores what a restarted worker lost and drops what nobody runs.
      await syncRelaysQuietly();
      const views: WorkloadHealthView[] = [];
      for (const server of deployment.algorithmServers) views.push(await view(deps.runtime, server.workloadId, 'algorithm-server', server.algorithmId));
      for (const analyzer of deployment.analyzers) {
        const health = await view(deps.runtime, analyzer.workloadId, 'analyzer', analyzer.cameraNodeId);
        views.push({ ...health, ...(await analyzerStats(deps.runtime, analyzer.workloadId)) });
      }
      return views;
    },

    /** Removes what `old` runs and `next` does not: analyzers, and this pipeline's claims on algorithm servers. */
    async retirePipelineDeployment(input: { pipelineId: string; old: PipelineDeployment; next?: PipelineDeployment }): Promise<void> {
      const keepAnalyzers = new Set(input.next?.analyzers.map((a) => a.workloadId));
      const keepServers = new Set(input.next?.algorithmServers.map((s) => s.workloadId));
      for (const analyzer of input.old.analyzers) {
        if (keepAnalyzers.has(analyzer.workloadId)) continue;
        await deps.runtime.remove(analyzer.workloadId);
        await rm(runSpecFileOf(input.pipelineId, analyzer.cameraNodeId, input.old.revision), { force: true });
      }
      for (const server of input.old.algorithmServers) if (!keepServers.has(server.workloadId)) await deps.runtime.remove(server.workloadId, { owner: input.pipelineId });
      if (input.next?.revision !== input.old.revision) await revokeServiceTokens(deps.db, tokenName(input.pipelineId, input.old.revision), new Date());
      deps.logger.info({ pipelineId: input.pipelineId, revision: input.old.revision }, 'pipeline deployment retired');
    },

    /** Records the desired and deployed state the API and the reconciler read. */
    async recordPipelineState(input: { pipelineId: string; desiredState: 'running' | 'stopped'; deployedRevision: number | null }): Promise<void> {
      await deps.db
        .updateTable('pipelines')
        .set({ desired_state: input.desiredState, deployed_revision: input.deployedRevision, updated_at: new Date().toISOString() })
        .where('id', '=', input.pipelineId)
        .execute();
      // The database now names the cameras this pipeline runs on (none once stopped): its deploy claim has served.
      relays.release(input.pipelineId);
      await syncRelaysQuietly();
    },
  };
}

/** Stands in when the worker has no runtime: every pipeline activity then fails fast, naming the cause. */
function withoutRuntime(): PipelineActivityDeps {
  const refuse = () => {
    throw ApplicationFailure.nonRetryable('this worker has no workload runtime configured', 'NoRuntime');
  };
  return new Proxy({} as PipelineActivityDeps, { get: (_target, key) => (key === 'config' ? { dataDir: '.' } : refuse()) });
}

async function view(runtime: WorkloadRuntime, workloadId: string, kind: WorkloadHealthView['kind'], serves: string): Promise<WorkloadHealthView> {
  const status = await runtime.status(workloadId);
  if (!status) return { workloadId, kind, serves, phase: 'missing', ready: false, restarts: 0, message: 'not running in the runtime' };
  return { workloadId, kind, serves, phase: status.phase, ready: status.ready, restarts: status.restarts, ...(status.message ? { message: status.message } : {}) };
}

async function analyzerStats(runtime: WorkloadRuntime, workloadId: string): Promise<Partial<WorkloadHealthView>> {
  const status = await runtime.status(workloadId);
  if (!status?.endpoint) return {};
  try {
    const response = await fetch(`http://${status.endpoint.host}:${status.endpoint.port}/stats`, { signal: AbortSignal.timeout(2000) });
    const stats = (await response.json()) as { reader?: { fpsOut?: number }; inferenceMs?: { median?: number | null }; lastAlarmAt?: string };
    const inferenceMs = stats.inferenceMs?.median;
    return {
      ...(stats.reader?.fpsOut !== undefined ? { fps: Number(stats.reader.fpsOut.toFixed(1)) } : {}),
      ...(typeof inferenceMs === 'number' ? { inferenceMs: Number(inferenceMs.toFixed(1)) } : {}),
      ...(stats.lastAlarmAt ? { lastAlarmAt: stats.lastAlarmAt } : {}),
    };
  } catch {
    return {};
  }
}
