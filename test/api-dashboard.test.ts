import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as dashboardRoute from '../app/api/v1/dashboard/route';
import * as tokensRoute from '../app/api/v1/tokens/route';
import { dashboardSchema, type Dashboard } from '../lib/contracts/dashboard';
import type { AlarmEvent } from '../lib/contracts/alarms';
import type { MediaServerStatus } from '../lib/media/stream-status';
import type { PipelineRunStatus, WorkloadHealthView } from '../lib/pipeline/deployment';
import { recordAlarmEvent } from '../server/alarms/record-alarm-event';
import type { WorkflowEnginePort } from '../server/temporal/temporal.port';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, unreachableWorkflowEngine, type TestApp } from './support/test-app';

const now = new Date('2026-05-01T10:00:00.000Z');

const analyzer = (serves: string, ready: boolean, extra: Partial<WorkloadHealthView> = {}): WorkloadHealthView => ({ workloadId: `an-${serves}`, kind: 'analyzer', serves, phase: ready ? 'ready' : 'crash-loop', ready, restarts: ready ? 0 : 2, ...extra });
const runStatus = (state: PipelineRunStatus['state'], workloads: WorkloadHealthView[]): PipelineRunStatus => ({ state, revision: 1, workloads, checkedAt: now.toISOString(), repairs: 0 });

/** Temporal as the pipelines' workflows would answer: one degraded, one running, one whose query fails. */
function scriptedEngine(asked: string[]): WorkflowEnginePort {
  return {
    ...unreachableWorkflowEngine,
    checkHealth: async () => undefined,
    taskQueuePollers: async () => [{ identity: '4242@box', lastAccessTime: new Date(now.getTime() - 10_000).toISOString() }],
    pipelineStatus: async ({ pipelineId }) => {
      asked.push(pipelineId);
      if (pipelineId === 'pip_perimeter') return { running: true, status: runStatus('degraded', [analyzer('n_gate', true, { fps: 5, inferenceMs: 40 }), analyzer('n_yard', false)]) };
      if (pipelineId === 'pip_lobby') return { running: true, status: runStatus('running', [analyzer('n_lobby', true, { fps: 3 })]) };
      throw new Error('the pipeline workflow did not answer within 5 s');
    },
  };
}

/** The media process's status endpoint: the gate camera's relay publishes, nothing else does. */
async function startMediaStatus(): Promise<Server> {
  const status: MediaServerStatus = {
    startedAt: now.toISOString(),
    rtmpPort: 31935,
    flvPort: 30080,
    streams: [{ path: '/relay/cam_gate', app: 'relay', name: 'cam_gate', kind: 'relay', state: 'publishing', publisher: null, players: 1, inBitrate: 1, outBitrate: 1, inBytes: 1, outBytes: 1 }],
  };
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/streams' ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function seedPlatform(t: TestApp): Promise<void> {
  const at = now.toISOString();
  const camera = (id: string, name: string, streamUrl: string, enabled = 1) => ({ id, name, description: '', stream_url: streamUrl, credentials_encrypted: null, location: '', tags: '[]', enabled, created_at: at, updated_at: at });
  await t.app.db
    .insertInto('cameras')
    .values([
      camera('cam_gate', 'Gate', 'rtsp://10.0.0.1/s'),
      camera('cam_yard', 'Yard', 'rtsp://10.0.0.2/s'),
      camera('cam_lobby', 'Lobby', 'file:///videos/lobby.mp4'),
      camera('cam_spare', 'Spare', 'rtsp://10.0.0.3/s'),
      camera('cam_off', 'Off', 'rtsp://10.0.0.4/s', 0),
    ])
    .execute();
  const pipeline = (id: string, name: string, running: boolean) => ({ id, name, description: '', latest_revision: 1, deployed_revision: running ? 1 : null, desired_state: running ? ('running' as const) : ('stopped' as const), created_at: at, updated_at: at });
  await t.app.db.insertInto('pipelines').values([pipeline('pip_perimeter', 'Perimeter', true), pipeline('pip_lobby', 'Lobby watch', true), pipeline('pip_broken', 'Broken', true), pipeline('pip_idle', 'Idle', false)]).execute();
  const graph = (cameras: Record<string, string>) => JSON.stringify({ nodes: Object.entries(cameras).map(([id, cameraId]) => ({ id, type: 'camera', position: { x: 0, y: 0 }, data: { cameraId } })), edges: [] });
  const revision = (pipelineId: string, cameras: Record<string, string>) => ({ pipeline_id: pipelineId, revision: 1, graph: graph(cameras), comment: '', created_at: at, created_by: null });
  await t.app.db
    .insertInto('pipeline_revisions')
    .values([revision('pip_perimeter', { n_gate: 'cam_gate', n_yard: 'cam_yard' }), revision('pip_lobby', { n_lobby: 'cam_lobby' }), revision('pip_broken', {}), revision('pip_idle', { n_spare: 'cam_spare' })])
    .execute();
  const event = (id: string, type: string, time: string, cameraId: string): AlarmEvent => ({
    id,
    version: 1,
    type,
    state: 'start',
    time,
    pipeline: { id: 'pip_perimeter', name: 'Perimeter', revision: 1 },
    camera: { id: cameraId, name: cameraId },
    algorithm: { id: 'alg_1', name: 'person', version: '1.0.0' },
    objects: [],
  });
  // Shanghai's 1 May began at 2026-04-30T16:00Z; UTC's at 2026-05-01T00:00Z.
  await recordAlarmEvent(t.app.db, event('alm_yesterday1', 'intrusion', '2026-04-30T12:00:00.000Z', 'cam_gate'), null);
  await recordAlarmEvent(t.app.db, event('alm_shanghai1', 'intrusion', '2026-04-30T17:00:00.000Z', 'cam_gate'), null);
  await recordAlarmEvent(t.app.db, event('alm_today0001', 'intrusion', '2026-05-01T08:00:00.000Z', 'cam_gate'), null);
  await recordAlarmEvent(t.app.db, event('alm_today0002', 'intrusion', '2026-05-01T09:00:00.000Z', 'cam_yard'), null);
  await recordAlarmEvent(t.app.db, event('alm_today0003', 'loitering', '2026-05-01T09:30:00.000Z', 'cam_yard'), null);
  // Operators' verdicts: one of Shanghai's morning confirmed, one of today's (in every zone) marked false.
  await t.app.db.updateTable('alarms').set({ label: 'true', labeled_at: '2026-05-01T10:00:00.000Z' }).where('id', '=', 'alm_shanghai1').execute();
  await t.app.db.updateTable('alarms').set({ label: 'false', labeled_at: '2026-05-01T10:00:00.000Z' }).where('id', '=', 'alm_today0002').execute();
}

async function startSeededApp(dialect: Parameters<typeof startTestApp>[0], asked: string[]): Promise<{ t: TestApp; media: Server }> {
  const t = await startTestApp(dialect, { workflows: scriptedEngine(asked), now: () => now });
  const media = await startMediaStatus();
  t.app.config.media = { ...t.app.config.media, server: 'builtin', internalHost: '127.0.0.1', statusPort: (media.address() as AddressInfo).port };
  await seedPlatform(t);
  return { t, media };
}

describe.each(dialects)('dashboard API on %s', (dialect) => {
  let t: TestApp;
  let media: Server;
  let viewer: ApiClient;
  const asked: string[] = [];
  const read = async (query = ''): Promise<Dashboard> => {
    const res = await viewer.call(dashboardRoute.GET, { path: `/api/v1/dashboard${query}` });
    expect(res.status).toBe(200);
    return dashboardSchema.parse(res.json);
  };

  beforeAll(async () => {
    ({ t, media } = await startSeededApp(dialect, asked));
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => {
    await new Promise((resolve) => media.close(resolve));
    await t.close();
  });

  it('refuses a caller without a session or token', async () => {
    const res = await new ApiClient().call(dashboardRoute.GET, { path: '/api/v1/dashboard' });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });

  it('classifies cameras from the relays and the pipelines\' analyzers', async () => {
    const dashboard = await read();
    expect(dashboard.cameras.total).toBe(5);
    expect(dashboard.cameras.counts).toEqual({ online: 2, offline: 1, unknown: 0, unwatched: 1, disabled: 1 });
    expect(dashboard.cameras.attention).toEqual([{ id: 'cam_yard', name: 'Yard', status: 'offline', reason: 'relay-missing' }]);
  });

  it('counts pipelines by their workflows\' state, keeps the one whose query failed, and does not ask stopped ones', async () => {
    asked.length = 0;
    const { pipelines } = await read();
    expect(pipelines.total).toBe(4);
    expect(pipelines.counts).toMatchObject({ running: 1, degraded: 1, unknown: 1, stopped: 1, failed: 0 });
    expect(pipelines.items.map((p) => [p.id, p.state, p.workloads])).toEqual([
      ['pip_broken', 'unknown', { ready: 0, total: 0 }],
      ['pip_lobby', 'running', { ready: 1, total: 1 }],
      ['pip_perimeter', 'degraded', { ready: 1, total: 2 }],
    ]);
    expect(pipelines.items[0]!.problem).toContain('did not answer');
    expect(asked.sort()).toEqual(['pip_broken', 'pip_lobby', 'pip_perimeter']);
  });

  it('counts today\'s alarms by type in the asked time zone, and lists the newest alarms with names', async () => {
    const shanghai = await read('?timeZone=Asia/Shanghai');
    expect(shanghai.timeZone).toBe('Asia/Shanghai');
    expect(shanghai.alarms.today).toEqual({ since: '2026-04-30T16:00:00.000Z', total: 4, byType: [{ type: 'intrusion', count: 3 }, { type: 'loitering', count: 1 }], byVerdict: { true: 1, false: 1, unlabelled: 2 } });
    const utc = await read('?timeZone=UTC');
    expect(utc.alarms.today).toEqual({ since: '2026-05-01T00:00:00.000Z', total: 3, byType: [{ type: 'intrusion', count: 2 }, { type: 'loitering', count: 1 }], byVerdict: { true: 0, false: 1, unlabelled: 2 } });
    expect(utc.alarms.recent.map((alarm) => alarm.id)).toEqual(['alm_today0003', 'alm_today0002', 'alm_today0001', 'alm_shanghai1', 'alm_yesterday1']);
    expect(utc.alarms.recent[0]).toMatchObject({ type: 'loitering', camera: { id: 'cam_yard', name: 'Yard' }, pipeline: { id: 'pip_perimeter', name: 'Perimeter' } });
  });

  it('reports the health of the database, Temporal, the worker, the media server and the data disk', async () => {
    const { health } = await read();
    expect(health.database).toMatchObject({ ok: true, dialect });
    expect(health.temporal.ok).toBe(true);
    expect(health.worker).toMatchObject({ state: 'polling', pollers: 1, taskQueue: t.app.config.temporal.taskQueue });
    expect(health.mediaServer).toEqual({ state: 'up', streams: 1 });
    expect(health.disk.ok).toBe(true);
    expect(health.disk.freeBytes).toBeGreaterThan(0);
    expect(health.cpu.cores).toBeGreaterThan(0);
    expect(health.status).toBe('ok');
  });

  it('says the media server is down (and relays unknown) when its status endpoint does not answer', async () => {
    const { statusPort } = t.app.config.media;
    t.app.config.media = { ...t.app.config.media, statusPort: 1 };
    try {
      const dashboard = await read();
      expect(dashboard.health.mediaServer.state).toBe('down');
      expect(dashboard.health.status).toBe('degraded');
      // The gate camera's analyzer still reads frames; the yard camera has no evidence either way now.
      expect(dashboard.cameras.counts).toMatchObject({ online: 2, offline: 1, unknown: 0 });
    } finally {
      t.app.config.media = { ...t.app.config.media, statusPort };
    }
  });

  it('accepts an API token and rejects an unknown time zone or parameter', async () => {
    const created = await viewer.call(tokensRoute.POST, { method: 'POST', body: { name: 'grafana' } });
    expect(created.status).toBe(201);
    const bearer = new ApiClient();
    bearer.bearer = created.json.token;
    expect((await bearer.call(dashboardRoute.GET, { path: '/api/v1/dashboard' })).status).toBe(200);
    const badZone = await viewer.call(dashboardRoute.GET, { path: '/api/v1/dashboard?timeZone=Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.json.error.message).toContain('timeZone');
    expect((await viewer.call(dashboardRoute.GET, { path: '/api/v1/dashboard?extra=1' })).status).toBe(400);
  });
});
