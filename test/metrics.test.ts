import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as metricsRoute from '../app/metrics/route';
import * as tokensRoute from '../app/api/v1/tokens/route';
import type { PipelineRunStatus, WorkloadHealthView } from '../lib/pipeline/deployment';
import { parseExposition, sampleValue, type Sample } from '../server/metrics/parse-exposition';
import type { WorkflowEnginePort } from '../server/temporal/temporal.port';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { dialects } from './support/test-databases';
import { startTestApp, unreachableWorkflowEngine, type TestApp } from './support/test-app';

const analyzer = (serves: string, extra: Partial<WorkloadHealthView>): WorkloadHealthView => ({ workloadId: `an-${serves}`, kind: 'analyzer', serves, phase: 'ready', ready: true, restarts: 0, ...extra });
const running: PipelineRunStatus = {
  state: 'running',
  revision: 2,
  checkedAt: '2026-05-01T10:00:00.000Z',
  repairs: 1,
  workloads: [
    { workloadId: 'alg-srv', kind: 'algorithm-server', serves: 'alg_person', phase: 'ready', ready: true, restarts: 4 },
    analyzer('n_gate', { fps: 4.8, inferenceMs: 25, restarts: 1 }),
    analyzer('n_yard', { fps: 2, inferenceMs: 120, restarts: 0 }),
  ],
};

/** One pipeline answers its status query, the other's query fails. */
const engine: WorkflowEnginePort = {
  ...unreachableWorkflowEngine,
  checkHealth: async () => undefined,
  pipelineStatus: async ({ pipelineId }) => {
    if (pipelineId === 'pip_main') return { running: true, status: running };
    throw new Error('Temporal at 127.0.0.1:7233 is unreachable');
  },
};

async function seed(t: TestApp): Promise<void> {
  const at = '2026-05-01T09:00:00.000Z';
  await t.app.db
    .insertInto('cameras')
    .values(['cam_gate', 'cam_yard'].map((id) => ({ id, name: id.slice(4), description: '', stream_url: 'file:///videos/a.mp4', credentials_encrypted: null, location: '', tags: '[]', enabled: 1, created_at: at, updated_at: at })))
    .execute();
  await t.app.db
    .insertInto('pipelines')
    .values(['pip_main', 'pip_lost'].map((id) => ({ id, name: id, description: '', latest_revision: 2, deployed_revision: 2, desired_state: 'running' as const, created_at: at, updated_at: at })))
    .execute();
  const graph = JSON.stringify({ nodes: [{ id: 'n_gate', type: 'camera', position: { x: 0, y: 0 }, data: { cameraId: 'cam_gate' } }, { id: 'n_yard', type: 'camera', position: { x: 0, y: 0 }, data: { cameraId: 'cam_yard' } }], edges: [] });
  await t.app.db.insertInto('pipeline_revisions').values(['pip_main', 'pip_lost'].map((id) => ({ pipeline_id: id, revision: 2, graph, comment: '', created_at: at, created_by: null }))).execute();
  const alarms = [...Array.from({ length: 3 }, () => ['pip_main', 'cam_gate']), ['pip_main', 'cam_yard'], ['pip_lost', 'cam_yard'], ['pip_lost', 'cam_yard']];
  await t.app.db
    .insertInto('alarms')
    .values(alarms.map(([pipelineId, cameraId], index) => ({ id: `alm_m${index}xx`, pipeline_id: pipelineId!, pipeline_revision: 2, camera_id: cameraId!, algorithm_id: 'alg_person', type: 'intrusion', state: 'start' as const, started_at: at, updated_at: at, ended_at: null, event: '{}', snapshot_path: null, label: null, labeled_by: null, labeled_at: null })))
    .execute();
  await t.app.db
    .insertInto('callback_targets')
    .values(['cbt_soc', 'cbt_ops'].map((id) => ({ id, name: id === 'cbt_soc' ? 'SOC "primary"' : 'Ops', url: `https://${id}.example/hook`, secret_encrypted: 'sealed', enabled: 1, auto_created: 0, secret_rotated_at: at, created_at: at, updated_at: at })))
    .execute();
  const deliveries: [string, string, 'delivered' | 'dead' | 'pending'][] = [
    ['dlv_1', 'cbt_soc', 'delivered'],
    ['dlv_2', 'cbt_soc', 'delivered'],
    ['dlv_3', 'cbt_soc', 'dead'],
    ['dlv_4', 'cbt_ops', 'pending'],
  ];
  await t.app.db
    .insertInto('callback_deliveries')
    .values(deliveries.map(([id, targetId, state], index) => ({ id, alarm_id: `alm_m${index}xx`, target_url: 'https://x.example/hook', state, attempts: 1, last_status: null, last_error: null, created_at: at, updated_at: at, target_id: targetId, delivered_at: null })))
    .execute();
  const attempts: [string, number, 'delivered' | 'retry' | 'rejected' | 'error'][] = [
    ['dlv_1', 1, 'delivered'],
    ['dlv_2', 1, 'retry'],
    ['dlv_2', 2, 'delivered'],
    ['dlv_3', 1, 'error'],
    ['dlv_3', 2, 'rejected'],
    ['dlv_4', 1, 'retry'],
  ];
  await t.app.db
    .insertInto('callback_delivery_attempts')
    .values(attempts.map(([deliveryId, attempt, outcome]) => ({ id: `att_${deliveryId}_${attempt}`, delivery_id: deliveryId, attempt, at, outcome, status_code: null, latency_ms: null, error: null })))
    .execute();
}

async function scrape(headers: Record<string, string>): Promise<Response> {
  return metricsRoute.GET(new Request('http://vigil.test/metrics', { headers }));
}

describe.each(dialects)('/metrics on %s', (dialect) => {
  let t: TestApp;
  let viewer: ApiClient;
  let token: string;
  let samples: Sample[];
  let types: Map<string, string>;

  beforeAll(async () => {
    t = await startTestApp(dialect, { workflows: engine });
    t.app.config.media = { ...t.app.config.media, server: 'none' };
    await seed(t);
    viewer = await loggedIn(t, 'viewer');
    token = (await viewer.call(tokensRoute.POST, { method: 'POST', body: { name: 'prometheus' } })).json.token as string;
    const response = await scrape({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    ({ samples, types } = parseExposition(await response.text()));
  });
  afterAll(async () => t.close());

  it('refuses a scrape without a token (401) or with a revoked one', async () => {
    const anonymous = await scrape({});
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await scrape({ authorization: 'Bearer vgt_not-a-token' })).status).toBe(401);
  });

  it('accepts the console session too', async () => {
    expect((await scrape({ cookie: viewer.cookieHeader() })).status).toBe(200);
  });

  it('counts the alarms rows per pipeline and camera', () => {
    expect(types.get('vigil_alarms_total')).toBe('counter');
    expect(sampleValue(samples, 'vigil_alarms_total', { pipeline_id: 'pip_main', camera_id: 'cam_gate' })).toBe(3);
    expect(sampleValue(samples, 'vigil_alarms_total', { pipeline_id: 'pip_main', camera_id: 'cam_yard' })).toBe(1);
    expect(sampleValue(samples, 'vigil_alarms_total', { pipeline_id: 'pip_lost', camera_id: 'cam_yard' })).toBe(2);
  });

  it('reports fps, inference latency and restarts per pipeline and camera from the status query', () => {
    const gate = { pipeline_id: 'pip_main', camera_id: 'cam_gate' };
    expect(sampleValue(samples, 'vigil_analyzer_fps', gate)).toBe(4.8);
    expect(sampleValue(samples, 'vigil_analyzer_inference_latency_seconds', { pipeline_id: 'pip_main', camera_id: 'cam_yard' })).toBeCloseTo(0.12);
    expect(sampleValue(samples, 'vigil_analyzer_restarts_total', gate)).toBe(1);
    expect(sampleValue(samples, 'vigil_algorithm_server_restarts_total', { pipeline_id: 'pip_main', algorithm_id: 'alg_person' })).toBe(4);
    expect(sampleValue(samples, 'vigil_pipeline_repairs_total', { pipeline_id: 'pip_main' })).toBe(1);
  });

  it('reports a pipeline whose status query failed as such instead of dropping it', () => {
    expect(sampleValue(samples, 'vigil_pipeline_status_answered', { pipeline_id: 'pip_lost' })).toBe(0);
    expect(sampleValue(samples, 'vigil_pipeline_state', { pipeline_id: 'pip_lost', state: 'unknown' })).toBe(1);
    expect(sampleValue(samples, 'vigil_pipeline_status_answered', { pipeline_id: 'pip_main' })).toBe(1);
  });

  it('counts deliveries and failed attempts per callback target', () => {
    expect(sampleValue(samples, 'vigil_callback_deliveries_total', { target_id: 'cbt_soc' })).toBe(3);
    expect(sampleValue(samples, 'vigil_callback_deliveries_total', { target_id: 'cbt_ops' })).toBe(1);
    expect(sampleValue(samples, 'vigil_callback_delivery_failures_total', { target_id: 'cbt_soc' })).toBe(3);
    expect(sampleValue(samples, 'vigil_callback_delivery_failures_total', { target_id: 'cbt_ops' })).toBe(1);
    expect(sampleValue(samples, 'vigil_callback_deliveries', { target_id: 'cbt_soc', state: 'dead' })).toBe(1);
    expect(samples.find((s) => s.name === 'vigil_callback_target_info' && s.labels.target_id === 'cbt_soc')?.labels.target_name).toBe('SOC "primary"');
  });

  it('carries the health gauges', () => {
    expect(sampleValue(samples, 'vigil_up', { component: 'database' })).toBe(1);
    expect(sampleValue(samples, 'vigil_up', { component: 'temporal' })).toBe(1);
    // This engine cannot list pollers and the media server is turned off: neither is reported as down.
    expect(sampleValue(samples, 'vigil_up', { component: 'worker' })).toBeUndefined();
    expect(sampleValue(samples, 'vigil_up', { component: 'media_server' })).toBeUndefined();
    expect(sampleValue(samples, 'vigil_data_disk_free_bytes')).toBeGreaterThan(0);
    expect(sampleValue(samples, 'vigil_cameras', { status: 'online' })).toBe(2);
  });
});
