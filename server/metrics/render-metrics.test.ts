import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from './metrics-snapshot';
import { parseExposition, sampleValue } from './parse-exposition';
import { renderMetrics } from './render-metrics';

const health: MetricsSnapshot['health'] = {
  status: 'degraded',
  cpu: { cores: 2, load1: 1.5, load5: 1.25, loadPerCore: 0.75 },
  memory: { totalBytes: 8e9, freeBytes: 2e9, usedRatio: 0.75 },
  disk: { path: '/data', ok: true, totalBytes: 1e11, freeBytes: 4e10, freeRatio: 0.4 },
  database: { ok: true, latencyMs: 3, dialect: 'sqlite' },
  temporal: { ok: false, latencyMs: 3000, address: '127.0.0.1:7233', error: 'unreachable' },
  worker: { state: 'unknown', taskQueue: 'vigil', pollers: 0, lastPollAt: null },
  mediaServer: { state: 'up', streams: 2 },
};

const snapshot: MetricsSnapshot = {
  health,
  cameras: [
    { id: 'cam_1', name: 'Gate "north"', status: 'online', reason: 'relay-publishing' },
    { id: 'cam_2', name: 'Yard\\back', status: 'offline', reason: 'relay-missing' },
    { id: 'cam_3', name: 'Lobby', status: 'online', reason: 'analyzer-streaming' },
  ],
  pipelines: [
    {
      id: 'pip_1',
      name: 'Perimeter',
      state: 'degraded',
      statusAnswered: true,
      revision: 4,
      repairs: 2,
      analyzers: [
        { cameraId: 'cam_1', ready: true, fps: 4.5, inferenceMs: 37.5, restarts: 0 },
        { cameraId: 'cam_2', ready: false, restarts: 3 },
      ],
      algorithmServers: [{ algorithmId: 'alg_1', ready: true, restarts: 1 }],
    },
    { id: 'pip_2', name: 'Lobby', state: 'unknown', statusAnswered: false, revision: 1, repairs: null, analyzers: [], algorithmServers: [] },
  ],
  alarms: [
    { pipelineId: 'pip_1', cameraId: 'cam_1', count: 7 },
    { pipelineId: 'pip_1', cameraId: 'cam_2', count: 1 },
  ],
  callbackTargets: [{ id: 'cbt_1', name: 'SOC', enabled: true }],
  deliveries: [
    { targetId: 'cbt_1', state: 'delivered', count: 5 },
    { targetId: 'cbt_1', state: 'dead', count: 2 },
  ],
  deliveryFailures: [{ targetId: 'cbt_1', count: 9 }],
};

describe('renderMetrics', () => {
  it('writes the text format with the content type Prometheus expects', async () => {
    const { contentType, text } = await renderMetrics(snapshot);
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(() => parseExposition(text)).not.toThrow();
  });

  it('reports per pipeline and camera: fps, inference latency, restarts, alarms', async () => {
    const { types, samples } = parseExposition((await renderMetrics(snapshot)).text);
    const cam1 = { pipeline_id: 'pip_1', camera_id: 'cam_1' };
    expect(sampleValue(samples, 'vigil_analyzer_fps', cam1)).toBe(4.5);
    expect(sampleValue(samples, 'vigil_analyzer_inference_latency_seconds', cam1)).toBeCloseTo(0.0375);
    expect(sampleValue(samples, 'vigil_analyzer_restarts_total', { pipeline_id: 'pip_1', camera_id: 'cam_2' })).toBe(3);
    expect(sampleValue(samples, 'vigil_analyzer_ready', { pipeline_id: 'pip_1', camera_id: 'cam_2' })).toBe(0);
    expect(sampleValue(samples, 'vigil_analyzer_fps', { camera_id: 'cam_2' })).toBeUndefined();
    expect(sampleValue(samples, 'vigil_alarms_total', cam1)).toBe(7);
    expect(sampleValue(samples, 'vigil_pipeline_repairs_total', { pipeline_id: 'pip_1' })).toBe(2);
    expect(sampleValue(samples, 'vigil_algorithm_server_restarts_total', { algorithm_id: 'alg_1' })).toBe(1);
    expect(types.get('vigil_alarms_total')).toBe('counter');
    expect(types.get('vigil_analyzer_fps')).toBe('gauge');
  });

  it('keeps a pipeline whose status query failed, marked as such', async () => {
    const { samples } = parseExposition((await renderMetrics(snapshot)).text);
    expect(sampleValue(samples, 'vigil_pipeline_status_answered', { pipeline_id: 'pip_2' })).toBe(0);
    expect(sampleValue(samples, 'vigil_pipeline_state', { pipeline_id: 'pip_2', state: 'unknown' })).toBe(1);
    expect(sampleValue(samples, 'vigil_pipeline_state', { pipeline_id: 'pip_1', state: 'degraded', pipeline_name: 'Perimeter' })).toBe(1);
  });

  it('reports callback deliveries and failures per target', async () => {
    const { samples } = parseExposition((await renderMetrics(snapshot)).text);
    expect(sampleValue(samples, 'vigil_callback_deliveries_total', { target_id: 'cbt_1' })).toBe(7);
    expect(sampleValue(samples, 'vigil_callback_delivery_failures_total', { target_id: 'cbt_1' })).toBe(9);
    expect(sampleValue(samples, 'vigil_callback_deliveries', { target_id: 'cbt_1', state: 'dead' })).toBe(2);
    expect(sampleValue(samples, 'vigil_callback_target_info', { target_id: 'cbt_1', target_name: 'SOC' })).toBe(1);
  });

  it('reports health gauges, leaving out what is not known, and escapes label values', async () => {
    const { samples } = parseExposition((await renderMetrics(snapshot)).text);
    expect(sampleValue(samples, 'vigil_up', { component: 'database' })).toBe(1);
    expect(sampleValue(samples, 'vigil_up', { component: 'temporal' })).toBe(0);
    expect(sampleValue(samples, 'vigil_up', { component: 'worker' })).toBeUndefined();
    expect(sampleValue(samples, 'vigil_up', { component: 'media_server' })).toBe(1);
    expect(sampleValue(samples, 'vigil_data_disk_free_bytes')).toBe(4e10);
    expect(sampleValue(samples, 'vigil_cpu_load1')).toBe(1.5);
    expect(sampleValue(samples, 'vigil_cameras', { status: 'online' })).toBe(2);
    expect(sampleValue(samples, 'vigil_camera_status', { camera_id: 'cam_1' })).toBe(1);
    expect(samples.find((sample) => sample.name === 'vigil_camera_status' && sample.labels.camera_id === 'cam_1')?.labels.camera_name).toBe('Gate "north"');
    expect(samples.find((sample) => sample.name === 'vigil_camera_status' && sample.labels.camera_id === 'cam_2')?.labels.camera_name).toBe('Yard\\back');
  });

  it('starts from nothing on every call: two renders do not add up', async () => {
    const first = await renderMetrics(snapshot);
    const second = await renderMetrics(snapshot);
    expect(second.text).toBe(first.text);
  });
});

describe('parseExposition', () => {
  it('refuses lines that are not the text format', () => {
    expect(() => parseExposition('# TYPE a gauge\na 1\n')).not.toThrow();
    expect(() => parseExposition('a 1\n')).toThrow(/before its TYPE/);
    expect(() => parseExposition('# TYPE a gauge\na{b="c} 1\n')).toThrow(/not a HELP/);
    expect(() => parseExposition('# TYPE a gauge\na one\n')).toThrow(/not a HELP/);
    expect(() => parseExposition('# TYPE a gauge\na 1')).toThrow(/newline/);
  });
});
