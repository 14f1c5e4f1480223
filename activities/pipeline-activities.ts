import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { heartbeat } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import type { AlgorithmManifest } from '../lib/algorithms/manifest-schema';
import type { VigilConfig } from '../lib/config/config-schema';
import type { AnalyzerVerifierStatus, DeployRevisionRequest, PipelineDeployment, UpdateHandover, WorkloadHealthView } from '../lib/pipeline/deployment';
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
import { artifactRootOf } from '../training/artifact-store';
import { analyzerRunSpecFile, analyzerWorkloadIdOf } from './analyzer-identity';
import { createPipelineRelays } from './pipeline-relays';
import { inlineVerifierModel, ModelTooLargeToInlineError, resolveAnalyzerVerifier } from './resolve-analyzer-verifier';

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

  const runSpecFileOf = (pipelineId: string, cameraNodeId: string, deployment: Pick<PipelineDeployment, 'revision' | 'verifierModelVersionId'>) =>
    analyzerRunSpecFile(runSpecDir, { pipelineId, cameraNodeId, revision: deployment.revision, verifierModelVersionId: deployment.verifierModelVersionId });

  /**
   * The service token of a revision's analyzers. A deploy that runs again (an activity retried after its worker
   * died, a repair of one lost analyzer, a redeploy with a new verifier model) keeps the live token already in the
   * run specs of any of this pipeline's analyzers: running ones (adopted by the runtime, not restarted) read theirs at
   * start, and revoking it would get their alarms refused. Only a token of this revision's name is taken.
   */
  async function serviceTokenFor(pipelineId: string, revision: number): Promise<string> {
    const name = tokenName(pipelineId, revision);
    const files = await readdir(runSpecDir).catch(() => [] as string[]);
    const runSpecFiles = files.filter((file) => file.startsWith(`${pipelineId}-`) && file.endsWith('.json')).map((file) => join(runSpecDir, file));
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

  async function retire(pipelineId: string, old: PipelineDeployment, next: PipelineDeployment | undefined): Promise<void> {
    const keepAnalyzers = new Set(next?.analyzers.map((a) => a.workloadId));
    const keepServers = new Set(next?.algorithmServers.map((s) => s.workloadId));
    for (const analyzer of old.analyzers) {
      if (keepAnalyzers.has(analyzer.workloadId)) continue;
      await deps.runtime.remove(analyzer.workloadId);
      await rm(runSpecFileOf(pipelineId, analyzer.cameraNodeId, old), { force: true });
    }
    for (const server of old.algorithmServers) if (!keepServers.has(server.workloadId)) await deps.runtime.remove(server.workloadId, { owner: pipelineId });
    if (next?.revision !== old.revision) await revokeServiceTokens(deps.db, tokenName(pipelineId, old.revision), new Date());
    deps.logger.info({ pipelineId, revision: old.revision }, 'pipeline deployment retired');
  }

  return {
    /** Compile → algorithm servers (shared, claimed by this pipeline) → one analyzer per camera, with the verifier model. Idempotent. */
    async deployPipelineRevision(input: DeployRevisionRequest): Promise<PipelineDeployment> {
      const { pipelineId, revision } = input;
      const spec = await compileRevision(pipelineId, revision);
      const verifier = await resolveAnalyzerVerifier(deps.db, input.verifier, artifactRootOf(deps.config.dataDir), deps.logger);
      const identity = { revision, ...(verifier ? { verifierModelVersionId: verifier.modelVersionId } : {}) };
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
      const token = await serviceTokenFor(pipelineId, revision);
      // Relays first: the analyzers below read them, and retry until they publish.
      relays.claim(pipelineId, revision, spec.analyzers.map((analyzer) => analyzer.cameraId));
      await relays.sync();
      const media = deps.config.media;
      if (media.server === 'none' && spec.sinks.some((sink) => sink.type === 'restream')) deps.logger.warn({ pipelineId, revision }, 'restream sinks ignored: no media server is configured');
      const analyzers: PipelineDeployment['analyzers'] = [];
      // A pod has no access to the worker's disk: its outbox lives in its own writable /tmp (an emptyDir).
      const onKubernetes = deps.config.runtime.kind === 'kubernetes';
      // A pod cannot read the worker's artifact folder either: its run spec carries the model's bytes (checked by sha256).
      let podVerifier: AnalyzerRunSpec['verifier'];
      try {
        podVerifier = onKubernetes && verifier ? await inlineVerifierModel(verifier) : verifier;
      } catch (error) {
        if (error instanceof ModelTooLargeToInlineError) throw ApplicationFailure.nonRetryable(error.message, error.name);
        throw error;
      }
      const outboxDirOf = (cameraNodeId: string) =>
        onKubernetes ? `/tmp/vigil-outbox/${pipelineId}-${cameraNodeId}` : resolve(deps.config.dataDir, 'runtime', 'outbox', `${pipelineId}-${cameraNodeId}`);
      for (const analyzer of spec.analyzers) {
        const runSpecFile = runSpecFileOf(pipelineId, analyzer.cameraNodeId, identity);
        const run: AnalyzerRunSpec = {
          pipeline: spec.pipeline,
          analyzer,
          streamUrl: await relays.streamUrl(analyzer.cameraId),
          algorithms: servers,
          report: { endpoint: `${deps.config.internalUrl}/api/v1/alarms/events`, token, spoolDir: outboxDirOf(analyzer.cameraNodeId) },
          motionGate: true,
        };
        const restream = media.server === 'none' ? undefined : planRestream(analyzer, spec.sinks, { host: media.internalHost, rtmpPort: media.rtmpPort });
        if (restream) run.restream = restream;
        if (verifier) run.verifier = verifier;
        // The file is also this worker's record of the live token (serviceTokenFor); on Kubernetes the pod cannot read
        // it, so the run spec goes to the workload as secretEnv (a Secret), and the outbox spools in the pod's /tmp.
        await writeFile(runSpecFile, JSON.stringify(run), { mode: 0o600 });
        await chmod(runSpecFile, 0o600);
        const workload = buildAnalyzerSpec({ pipelineId, cameraNodeId: analyzer.cameraNodeId, cameraId: analyzer.cameraId, revision, repositoryRoot: deps.repositoryRoot, image: 'vigil/analyzer:0.1.0', runSpec: onKubernetes ? { json: JSON.stringify({ ...run, ...(podVerifier ? { verifier: podVerifier } : {}) }) } : { file: runSpecFile } });
        workload.id = analyzerWorkloadIdOf({ pipelineId, cameraNodeId: analyzer.cameraNodeId, ...identity });
        await deps.runtime.deploy(workload);
        analyzers.push({ workloadId: workload.id, cameraNodeId: analyzer.cameraNodeId, cameraId: analyzer.cameraId });
      }
      for (const analyzer of analyzers) await waitReady(deps.runtime, analyzer.workloadId, 60_000);
      deps.logger.info({ pipelineId, revision, analyzers: analyzers.length, algorithmServers: algorithmServers.length, verifierModelVersionId: verifier?.modelVersionId ?? null }, 'pipeline revision deployed');
      return { ...identity, algorithmServers, analyzers };
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
      await retire(input.pipelineId, input.old, input.next);
    },

    /**
     * The update's rolling hand-over from `old` to `next` (whose analyzers the deploy started and saw ready), per
     * camera node: make before break. Every replacement must answer ready before any old analyzer goes (a refusal
     * here removes nothing: the workflow then drops the new revision and keeps the old one). Then each old analyzer is
     * removed and its replacement must still answer ready; the time it does not (the gap) is measured against
     * VIGIL_UPDATE_MAX_GAP_MS and reported. The wait for a replacement ends at the bound: the health loop takes over.
     */
    async handOverPipelineDeployment(input: { pipelineId: string; old: PipelineDeployment; next: PipelineDeployment }): Promise<UpdateHandover> {
      const { pipelineId, old, next } = input;
      const maxGapMs = deps.config.pipelines.updateMaxGapMs;
      const replacements = new Map(next.analyzers.map((analyzer) => [analyzer.cameraNodeId, analyzer]));
      const handovers = old.analyzers.flatMap((analyzer) => {
        const replacement = replacements.get(analyzer.cameraNodeId);
        return replacement && replacement.workloadId !== analyzer.workloadId ? [{ analyzer, replacement }] : [];
      });
      for (const { replacement } of handovers) {
        const deadline = Date.now() + 60_000;
        while (!(await answersReady(deps.runtime, replacement.workloadId))) {
          heartbeat({ waitingFor: replacement.workloadId });
          if (Date.now() > deadline) throw ApplicationFailure.nonRetryable(`the new analyzer of camera node ${replacement.cameraNodeId} (${replacement.workloadId}) is not ready; revision ${old.revision} keeps running`, 'HandoverRefused');
          await sleep(250);
        }
      }
      const cameras: UpdateHandover['cameras'] = [];
      for (const { analyzer, replacement } of handovers) {
        // The old analyzer stops serving the moment it is told to stop: the gap, if any, counts from here.
        const stoppedAt = Date.now();
        await deps.runtime.remove(analyzer.workloadId);
        await rm(runSpecFileOf(pipelineId, analyzer.cameraNodeId, old), { force: true });
        let gapMs = 0;
        while (!(await answersReady(deps.runtime, replacement.workloadId))) {
          heartbeat({ waitingFor: replacement.workloadId });
          gapMs = Date.now() - stoppedAt;
          if (gapMs > maxGapMs) break;
          await sleep(50);
        }
        cameras.push({ cameraNodeId: analyzer.cameraNodeId, gapMs, exceeded: gapMs > maxGapMs });
      }
      // The rest as any retirement: analyzers of cameras the new revision dropped, server claims, the old token.
      await retire(pipelineId, old, next);
      const handover: UpdateHandover = { fromRevision: old.revision, toRevision: next.revision, maxGapMs, cameras, withinBound: cameras.every((camera) => !camera.exceeded) };
      if (handover.withinBound) deps.logger.info({ pipelineId, handover }, 'pipeline update handed over');
      else deps.logger.warn({ pipelineId, handover }, `pipeline update left a camera without a ready analyzer for longer than ${maxGapMs} ms`);
      return handover;
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
    const stats = (await response.json()) as { reader?: { fpsOut?: number }; inferenceMs?: { median?: number | null }; lastAlarmAt?: string; verifier?: AnalyzerVerifierStatus | null };
    const inferenceMs = stats.inferenceMs?.median;
    return {
      ...(stats.reader?.fpsOut !== undefined ? { fps: Number(stats.reader.fpsOut.toFixed(1)) } : {}),
      ...(typeof inferenceMs === 'number' ? { inferenceMs: Number(inferenceMs.toFixed(1)) } : {}),
      ...(stats.lastAlarmAt ? { lastAlarmAt: stats.lastAlarmAt } : {}),
      ...(stats.verifier ? { verifier: stats.verifier } : {}),
    };
  } catch {
    return {};
  }
}

/** The analyzer's own answer (its /readyz), not the runtime's last probe: a hand-over must not trust a stale reading. */
async function answersReady(runtime: WorkloadRuntime, workloadId: string): Promise<boolean> {
  const status = await runtime.status(workloadId);
  if (!status?.endpoint || status.phase === 'stopped') return false;
  try {
    const response = await fetch(`http://${status.endpoint.host}:${status.endpoint.port}/readyz`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
