import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as algorithms from '../app/api/v1/algorithms/route';
import * as alarmEvents from '../app/api/v1/alarms/events/route';
import * as cameras from '../app/api/v1/cameras/route';
import * as pipelines from '../app/api/v1/pipelines/route';
import { createPipelineActivities } from '../activities/pipeline-activities';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import type { PipelineDeployment } from '../lib/pipeline/deployment';
import { probeStream } from '../media/probe-stream';
import { createRelaySet, type RelaySet } from '../media/relay/relay-set';
import type { RestreamStatus } from '../media/restream/open-restream';
import { createLocalRuntime, type LocalRuntime } from '../runtime/local/local-runtime';
import { createLogger } from '../server/logger';
import { publishTestPattern, startMediaServerProcess, waitFor, type MediaServerProcess } from './media-fixtures';
import { loggedIn } from './support/logged-in';
import { startRouteServer } from './support/route-server';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * The pipeline activities as the worker runs them (no Temporal server: MockActivityEnvironment gives them their
 * heartbeat context), with a real media server, a real local runtime, real analyzer and motion processes, and an
 * ffmpeg "camera" publishing over RTMP: the source side sees one connection however many pipelines use the camera.
 */
const logger = createLogger({ level: 'error', name: 'pipeline-relay-test' });
const repositoryRoot = join(import.meta.dirname, '..');
const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
// Its run() loses the activity's result type; the activity's own signature is the truth.
const activity = <A extends unknown[], R>(fn: (...args: A) => Promise<R>, ...args: A): Promise<R> => new MockActivityEnvironment().run(fn, ...args) as Promise<R>;

describe('pipelines on a network camera: one relay, annotated restream', () => {
  let t: TestApp;
  let media: MediaServerProcess;
  let runtime: LocalRuntime;
  let relays: RelaySet;
  let camera: { stop(): Promise<void> };
  let platform: { url: string; close(): Promise<void> };
  let activities: ReturnType<typeof createPipelineActivities>;

  beforeAll(async () => {
    media = await startMediaServerProcess();
    camera = publishTestPattern(media.rtmpUrl('/camera/gate'));
    t = await startTestApp('sqlite');
    platform = await startRouteServer({ '/api/v1/alarms/events': alarmEvents.POST });
    const stateDir = mkdtempSync(join(tmpdir(), 'vigil-runtime-'));
    runtime = await createLocalRuntime({
      stateFile: join(stateDir, 'state.json'), logDirectory: join(stateDir, 'logs'), logger,
      baseEnvironment: { PATH: process.env.PATH, HOME: process.env.HOME }, probe: { intervalMs: 300, timeoutMs: 1000, startupGraceMs: 60_000 },
    });
    const config = { ...t.app.config, internalUrl: platform.url, media: { ...t.app.config.media, server: 'builtin' as const, internalHost: '127.0.0.1', rtmpPort: media.rtmpPort, flvPort: media.flvPort } };
    relays = createRelaySet({ server: { host: '127.0.0.1', rtmpPort: media.rtmpPort }, connectTimeoutSeconds: 2, backoff: { initialMs: 200, maxMs: 1000, factor: 2, jitter: 0 } });
    activities = createPipelineActivities({ db: t.app.db, logger, config, secrets: t.app.secrets, runtime, repositoryRoot, relays });
  }, 60_000);

  afterAll(async () => {
    for (const workload of (await runtime?.list()) ?? []) await runtime.remove(workload.id);
    await runtime?.close();
    await relays?.stopAll();
    await camera?.stop();
    await platform?.close();
    await t?.close();
    await media?.stop();
  });

  it('runs two pipelines on one camera through one relay, restreams one of them, and drops the relay when both stop', async () => {
    const operator = await loggedIn(t, 'operator');
    const cam = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Gate (RTMP)', streamUrl: media.rtmpUrl('/camera/gate') } });
    expect(cam.status, JSON.stringify(cam.json)).toBe(201);
    const cameraId = cam.json.id as string;
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, 'algorithms/motion/vigil-algorithm.json'), 'utf8')) as Record<string, unknown>;
    const algorithm = await operator.call(algorithms.POST, { method: 'POST', body: manifest });
    expect(algorithm.status, JSON.stringify(algorithm.json)).toBe(201);
    const motion = { algorithmId: algorithm.json.id, params: { minArea: 400 }, minScore: 0 };
    const zone = { id: 'zone', name: 'ZONE', kind: 'polygon', points: [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9], [0.1, 0.9]] };
    const graphs = {
      restreamed: {
        nodes: [
          node('c1', 'camera', { cameraId, fps: 5, width: 320, height: 240 }), node('a1', 'algorithm', motion),
          node('r1', 'roi', { regions: [zone] }), node('live', 'restream', { bitrateKbps: 600, drawLabels: false }),
        ],
        edges: [{ id: 'e1', source: 'c1', target: 'a1' }, { id: 'e2', source: 'a1', target: 'r1' }, { id: 'e3', source: 'r1', target: 'live' }],
      },
      alarms: {
        nodes: [
          node('c1', 'camera', { cameraId, fps: 2, width: 160, height: 120 }), node('a1', 'algorithm', motion),
          node('rule1', 'rule', { alarmType: 'motion', labels: ['motion'], minScore: 0 }), node('ws', 'websocket', {}),
        ],
        edges: [{ id: 'e1', source: 'c1', target: 'a1' }, { id: 'e2', source: 'a1', target: 'rule1' }, { id: 'e3', source: 'rule1', target: 'ws' }],
      },
    };
    const deployed: Array<{ id: string; deployment: PipelineDeployment }> = [];
    for (const [name, graph] of Object.entries(graphs)) {
      const created = await operator.call(pipelines.POST, { method: 'POST', body: { name, graph } });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const id = created.json.id as string;
      // As the deploy API and the pipeline workflow do: desired state, deploy, record.
      await t.app.db.updateTable('pipelines').set({ desired_state: 'running' }).where('id', '=', id).execute();
      const deployment = await activity(activities.deployPipelineRevision, { pipelineId: id, revision: 1 });
      await activity(activities.recordPipelineState, { pipelineId: id, desiredState: 'running', deployedRevision: 1 });
      deployed.push({ id, deployment });
    }
    const [restreamed, alarms] = deployed as [(typeof deployed)[0], (typeof deployed)[0]];

    // Both analyzers read the relay, not the camera.
    const relayUrl = media.rtmpUrl(`/relay/${cameraId}`);
    for (const { id } of deployed) {
      const run = JSON.parse(readFileSync(join(t.app.config.dataDir, 'runtime', 'analyzers', `${id}-c1-r1.json`), 'utf8')) as AnalyzerRunSpec;
      expect(run.streamUrl).toBe(relayUrl);
    }
    const views = await activity(activities.inspectPipelineDeployment, alarms.deployment);
    expect(views.map((view) => `${view.kind}:${view.ready}`).sort()).toEqual(['algorithm-server:true', 'analyzer:true']);
    // The source side: exactly one player on the camera's stream (the relay), two on the relay (the analyzers).
    const status = await media.status();
    expect(status.streams.find((stream) => stream.path === '/camera/gate')?.players).toBe(1);
    expect(status.streams.find((stream) => stream.path === `/relay/${cameraId}`)?.players).toBe(2);

    // The annotated restream plays over HTTP-FLV at the analysis size and rate.
    const livePath = `/live/${restreamed.id}_${cameraId}`;
    await waitFor('the restream to publish', async () => (await media.status()).streams.find((stream) => stream.path === livePath)?.state === 'publishing', 20_000);
    expect(await probeStream(media.flvUrl(livePath), { timeoutSeconds: 10 })).toEqual({ codec: 'h264', width: 320, height: 240, fps: 5 });
    const analyzer = await runtime.status(restreamed.deployment.analyzers[0]!.workloadId);
    const stats = (await (await fetch(`http://${analyzer!.endpoint!.host}:${analyzer!.endpoint!.port}/stats`)).json()) as { restream: RestreamStatus };
    expect(stats.restream).toMatchObject({ state: 'streaming', paths: [livePath, `/echostream/${cameraId}-${algorithm.json.id as string}`] });
    expect(stats.restream.framesWritten).toBeGreaterThan(0);

    // Level-triggered: a worker that lost its relays (restart) gets them back on the next health check.
    await relays.stopAll();
    expect(relays.get(cameraId)).toBeUndefined();
    await activity(activities.inspectPipelineDeployment, restreamed.deployment);
    expect(relays.get(cameraId)?.url).toBe(relayUrl);

    // Stopping one pipeline keeps the relay for the other; stopping both removes it.
    const stopPipeline = async ({ id, deployment }: (typeof deployed)[0]) => {
      await activity(activities.retirePipelineDeployment, { pipelineId: id, old: deployment });
      await activity(activities.recordPipelineState, { pipelineId: id, desiredState: 'stopped', deployedRevision: null });
    };
    await stopPipeline(restreamed);
    expect(relays.get(cameraId)).toBeDefined();
    await stopPipeline(alarms);
    expect(relays.statuses()).toEqual([]);
    await waitFor('the camera to have no player', async () => (await media.status()).streams.find((stream) => stream.path === '/camera/gate')?.players === 0, 10_000);
    expect(await runtime.list()).toEqual([]);
  }, 120_000);
});
