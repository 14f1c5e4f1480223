import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import * as algorithms from '../../app/api/v1/algorithms/route';
import * as alarmEvents from '../../app/api/v1/alarms/events/route';
import * as cameras from '../../app/api/v1/cameras/route';
import * as pipelines from '../../app/api/v1/pipelines/route';
import * as revisions from '../../app/api/v1/pipelines/[id]/revisions/route';
import * as deploy from '../../app/api/v1/pipelines/[id]/deploy/route';
import * as stop from '../../app/api/v1/pipelines/[id]/stop/route';
import * as status from '../../app/api/v1/pipelines/[id]/status/route';
import type { VigilConfig } from '../../lib/config/config-schema';
import type { PipelineRunStatus } from '../../lib/pipeline/deployment';
import { createLocalRuntime, type LocalRuntime } from '../../runtime/local/local-runtime';
import type { Logger } from '../../server/logger';
import { createSecretBox } from '../../server/secrets/secret-box';
import { createTemporalEngine } from '../../server/temporal/temporal-engine';
import type { ApiClient } from './api-client';
import { allowLoopbackCallbacks } from './delivery-fixtures';
import { testPortRange } from './local-runtime-harness';
import { loggedIn } from './logged-in';
import { startRouteServer } from './route-server';
import { makeMovingBoxVideo } from './synthetic-video';
import { startVigilWorker, waitFor, type RunningWorker } from './temporal-harness';
import { startTestApp, type TestApp } from './test-app';

export const repositoryRoot = join(import.meta.dirname, '..', '..');

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });

export interface PipelineGraph {
  nodes: unknown[];
  edges: unknown[];
}

/** What GET /pipelines/{id}/status answers. */
export interface PipelineStatusView {
  desiredState: string;
  deployedRevision: number | null;
  running: boolean;
  status: PipelineRunStatus | null;
  problem: string | null;
}

export interface PipelinePlatform {
  t: TestApp;
  operator: ApiClient;
  /** Where workloads reach the web app (the alarm ingest route, served over real HTTP). */
  internalUrl: string;
  /** The environment for `worker/main.ts` in its own process: this platform's database, data dir, key and Temporal. */
  workerEnvironment(extra?: Record<string, string>): Record<string, string>;
  /** A synthetic camera (looping moving-box file), the motion algorithm and one pipeline watching each camera. */
  createMotionPipeline(name: string, options?: { cameras?: number }): Promise<{ pipelineId: string; graph: PipelineGraph; cameraIds: string[] }>;
  /** Saves a new revision of the graph (its algorithms' minArea changed, so it differs) and returns its number. */
  saveRevision(pipelineId: string, graph: PipelineGraph): Promise<number>;
  deploy(pipelineId: string, revision?: number): Promise<void>;
  stop(pipelineId: string): Promise<void>;
  status(pipelineId: string): Promise<PipelineStatusView>;
  waitForState(pipelineId: string, accept: (view: PipelineStatusView) => boolean, timeoutMs: number): Promise<PipelineStatusView>;
  close(): Promise<void>;
}

/**
 * The web app's side of a pipeline deployment for orchestration tests and benches: a SQLite test database, the API
 * driving a real Temporal at `temporalAddress`, the alarm-ingest route over HTTP (analyzers post there), an
 * operator. The worker is the caller's: in this process (startVigilWorker) or its own (startWorkerProcess).
 */
export async function startPipelinePlatform(options: { temporalAddress: string; taskQueue: string; logger: Logger }): Promise<PipelinePlatform> {
  const secretKey = randomBytes(32);
  const t = await startTestApp('sqlite', {
    workflows: createTemporalEngine({ address: options.temporalAddress, namespace: 'default', taskQueue: options.taskQueue }, options.logger),
    secrets: createSecretBox(secretKey),
  });
  const routes = await startRouteServer({ '/api/v1/alarms/events': alarmEvents.POST });
  await allowLoopbackCallbacks(t.app.db);
  const operator = await loggedIn(t, 'operator');
  let algorithmId: string | undefined;
  let savedRevisions = 0;

  async function motionAlgorithm(): Promise<string> {
    if (algorithmId) return algorithmId;
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'algorithms/motion/vigil-algorithm.json'), 'utf8')) as Record<string, unknown>;
    const created = await operator.call(algorithms.POST, { method: 'POST', body: manifest });
    if (created.status !== 201) throw new Error(`algorithm not registered: ${JSON.stringify(created.json)}`);
    algorithmId = created.json.id as string;
    return algorithmId;
  }

  const platform: PipelinePlatform = {
    t,
    operator,
    internalUrl: routes.url,
    workerEnvironment(extra = {}) {
      const database = t.app.config.database;
      if (database.dialect !== 'sqlite') throw new Error('the orchestration platform runs on SQLite');
      return {
        VIGIL_DATA_DIR: t.app.config.dataDir,
        DATABASE_URL: `sqlite:${database.file}`,
        TEMPORAL_ADDRESS: options.temporalAddress,
        VIGIL_TASK_QUEUE: options.taskQueue,
        VIGIL_INTERNAL_URL: routes.url,
        VIGIL_SECRET_KEY: secretKey.toString('base64'),
        VIGIL_MEDIA_SERVER: 'none',
        VIGIL_RUNTIME_PORT_RANGE: `${testPortRange.min}-${testPortRange.max}`,
        VIGIL_LOG_LEVEL: 'info',
        ...extra,
      };
    },
    async createMotionPipeline(name, { cameras: count = 1 } = {}) {
      const algorithm = await motionAlgorithm();
      const graph: PipelineGraph = { nodes: [], edges: [] };
      const cameraIds: string[] = [];
      for (let index = 1; index <= count; index += 1) {
        const video = makeMovingBoxVideo(8);
        const camera = await operator.call(cameras.POST, { method: 'POST', body: { name: `${name} camera ${index}`, streamUrl: `file://${video}` } });
        if (camera.status !== 201) throw new Error(`camera not created: ${JSON.stringify(camera.json)}`);
        cameraIds.push(camera.json.id as string);
        graph.nodes.push(
          node(`c${index}`, 'camera', { cameraId: camera.json.id }),
          node(`a${index}`, 'algorithm', { algorithmId: algorithm, params: { learningRate: 0.5, minArea: 2500 }, minScore: 0 }),
          node(`rule${index}`, 'rule', { alarmType: 'intrusion', labels: ['motion'], minScore: 0, cooldownSeconds: 0 }),
          node(`ws${index}`, 'websocket', {}),
        );
        graph.edges.push(
          { id: `e${index}a`, source: `c${index}`, target: `a${index}` },
          { id: `e${index}b`, source: `a${index}`, target: `rule${index}` },
          { id: `e${index}c`, source: `rule${index}`, target: `ws${index}` },
        );
      }
      const pipeline = await operator.call(pipelines.POST, { method: 'POST', body: { name, graph } });
      if (pipeline.status !== 201) throw new Error(`pipeline not created: ${JSON.stringify(pipeline.json)}`);
      return { pipelineId: pipeline.json.id as string, graph, cameraIds };
    },
    async saveRevision(pipelineId, graph) {
      const nudged = structuredClone(graph) as { nodes: { type: string; data: { params?: { minArea?: number } } }[]; edges: unknown[] };
      savedRevisions += 1;
      const minArea = 2500 + savedRevisions;
      for (const each of nudged.nodes) if (each.type === 'algorithm' && each.data.params) each.data.params.minArea = minArea;
      const saved = await operator.call(revisions.POST, { method: 'POST', params: { id: pipelineId }, body: { graph: nudged } });
      if (saved.status !== 201) throw new Error(`revision not saved: ${saved.status} ${JSON.stringify(saved.json)}`);
      return saved.json.revision as number;
    },
    async deploy(pipelineId, revision) {
      const started = await operator.call(deploy.POST, { method: 'POST', params: { id: pipelineId }, body: revision === undefined ? {} : { revision } });
      if (started.status !== 202) throw new Error(`deploy refused: ${started.status} ${JSON.stringify(started.json)}`);
    },
    async stop(pipelineId) {
      const stopped = await operator.call(stop.POST, { method: 'POST', params: { id: pipelineId } });
      if (stopped.status !== 202) throw new Error(`stop refused: ${stopped.status} ${JSON.stringify(stopped.json)}`);
    },
    async status(pipelineId) {
      const res = await operator.call<PipelineStatusView>(status.GET, { params: { id: pipelineId } });
      if (res.status !== 200) throw new Error(`status answered ${res.status}: ${JSON.stringify(res.json)}`);
      return res.json;
    },
    waitForState(pipelineId, accept, timeoutMs) {
      return waitFor(() => platform.status(pipelineId).catch((error: unknown) => ({ error: String(error) }) as unknown as PipelineStatusView), (view) => view.status !== undefined && accept(view), timeoutMs);
    },
    async close() {
      await routes.close();
      await t.app.workflows.close();
      await t.close();
    },
  };
  return platform;
}

export interface InProcessPipelineWorker {
  worker: RunningWorker;
  /** The worker's local runtime, for the test to look at (list, status) as the worker runs it. */
  runtime: LocalRuntime;
  /** Stops the worker, removes every workload the runtime still runs, closes it. */
  close(): Promise<void>;
}

/** Vigil's worker in this process (all workflows, the real activities) with a local runtime of its own. */
export async function startInProcessPipelineWorker(
  env: TestWorkflowEnvironment,
  platform: PipelinePlatform,
  options: { taskQueue: string; logger: Logger; config?: Partial<VigilConfig> },
): Promise<InProcessPipelineWorker> {
  const stateDir = mkdtempSync(join(tmpdir(), 'vigil-runtime-'));
  const runtime = await createLocalRuntime({
    stateFile: join(stateDir, 'state.json'),
    logDirectory: join(stateDir, 'logs'),
    logger: options.logger,
    portRange: testPortRange,
    baseEnvironment: { PATH: process.env.PATH, HOME: process.env.HOME },
    probe: { intervalMs: 500, timeoutMs: 1000, startupGraceMs: 60_000 },
  });
  const { t } = platform;
  const worker = await startVigilWorker(env, options.taskQueue, {
    db: t.app.db,
    logger: options.logger,
    secrets: t.app.secrets,
    dataDir: t.app.config.dataDir,
    pipelines: { config: { ...t.app.config, internalUrl: platform.internalUrl, ...options.config }, runtime, repositoryRoot },
  });
  return {
    worker,
    runtime,
    async close() {
      await worker.stop();
      for (const workload of await runtime.list()) await runtime.remove(workload.id);
      await runtime.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
