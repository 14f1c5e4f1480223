import { Counter, Gauge, Registry } from 'prom-client';
import type { MetricsSnapshot } from './metrics-snapshot';

type Labels = Record<string, string>;

/** A fresh registry per scrape: nothing is kept between scrapes (or tests), and only current state is exposed. */
class Exposition {
  readonly registry = new Registry();
  private readonly gauges = new Map<string, Gauge>();
  private readonly counters = new Map<string, Counter>();

  gauge(name: string, help: string, labels: Labels, value: number): void {
    let gauge = this.gauges.get(name);
    if (!gauge) {
      gauge = new Gauge({ name, help, labelNames: Object.keys(labels), registers: [this.registry] });
      this.gauges.set(name, gauge);
    }
    gauge.set(labels, value);
  }

  counter(name: string, help: string, labels: Labels, value: number): void {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({ name, help, labelNames: Object.keys(labels), registers: [this.registry] });
      this.counters.set(name, counter);
    }
    counter.inc(labels, value);
  }
}

function writeHealth(out: Exposition, health: MetricsSnapshot['health']): void {
  const up = 'Whether a part of the platform answers (1) or not (0).';
  out.gauge('vigil_up', up, { component: 'database' }, health.database.ok ? 1 : 0);
  out.gauge('vigil_up', up, { component: 'temporal' }, health.temporal.ok ? 1 : 0);
  if (health.worker.state !== 'unknown') out.gauge('vigil_up', up, { component: 'worker' }, health.worker.state === 'polling' ? 1 : 0);
  if (health.mediaServer.state !== 'disabled') out.gauge('vigil_up', up, { component: 'media_server' }, health.mediaServer.state === 'up' ? 1 : 0);
  out.gauge('vigil_up', up, { component: 'data_disk' }, health.disk.ok ? 1 : 0);
  const latency = 'How long the last health check of a part took.';
  out.gauge('vigil_check_latency_seconds', latency, { component: 'database' }, health.database.latencyMs / 1000);
  out.gauge('vigil_check_latency_seconds', latency, { component: 'temporal' }, health.temporal.latencyMs / 1000);
  out.gauge('vigil_worker_pollers', 'Workers that polled the task queue in the last 2 minutes.', { task_queue: health.worker.taskQueue }, health.worker.pollers);
  out.gauge('vigil_cpu_cores', 'CPU cores available to the web app.', {}, health.cpu.cores);
  out.gauge('vigil_cpu_load1', 'One-minute load average of the box.', {}, health.cpu.load1);
  out.gauge('vigil_cpu_load5', 'Five-minute load average of the box.', {}, health.cpu.load5);
  out.gauge('vigil_memory_total_bytes', 'Memory of the box.', {}, health.memory.totalBytes);
  out.gauge('vigil_memory_free_bytes', 'Memory of the box available to programs.', {}, health.memory.freeBytes);
  if (health.disk.totalBytes !== null) out.gauge('vigil_data_disk_total_bytes', 'Size of the file system holding the data folder.', {}, health.disk.totalBytes);
  if (health.disk.freeBytes !== null) out.gauge('vigil_data_disk_free_bytes', 'Free space (for Vigil) on the file system holding the data folder.', {}, health.disk.freeBytes);
}

function writeCameras(out: Exposition, cameras: MetricsSnapshot['cameras']): void {
  const counts = new Map<string, number>();
  for (const camera of cameras) {
    counts.set(camera.status, (counts.get(camera.status) ?? 0) + 1);
    out.gauge('vigil_camera_status', 'A camera and its status (online, offline, unknown, unwatched, disabled); always 1.', { camera_id: camera.id, camera_name: camera.name, status: camera.status }, 1);
  }
  for (const [status, count] of counts) out.gauge('vigil_cameras', 'Cameras by status.', { status }, count);
}

function writePipelines(out: Exposition, pipelines: MetricsSnapshot['pipelines']): void {
  for (const pipeline of pipelines) {
    const ids = { pipeline_id: pipeline.id };
    out.gauge('vigil_pipeline_state', 'A deployed pipeline and its state as its workflow reports it (unknown: the status query failed); always 1.', { ...ids, pipeline_name: pipeline.name, state: pipeline.state }, 1);
    out.gauge('vigil_pipeline_status_answered', 'Whether the pipeline workflow answered its status query within the scrape timeout.', ids, pipeline.statusAnswered ? 1 : 0);
    if (pipeline.repairs !== null) out.counter('vigil_pipeline_repairs_total', 'Workloads the pipeline workflow started again because the runtime had lost them.', ids, pipeline.repairs);
    for (const analyzer of pipeline.analyzers) {
      const labels = { ...ids, camera_id: analyzer.cameraId };
      out.gauge('vigil_analyzer_ready', 'Whether the analyzer of a pipeline on a camera reads frames.', labels, analyzer.ready ? 1 : 0);
      out.counter('vigil_analyzer_restarts_total', 'Restarts of the analyzer of a pipeline on a camera.', labels, analyzer.restarts);
      if (analyzer.fps !== undefined) out.gauge('vigil_analyzer_fps', 'Frames per second the analyzer of a pipeline on a camera analyses.', labels, analyzer.fps);
      if (analyzer.inferenceMs !== undefined) out.gauge('vigil_analyzer_inference_latency_seconds', 'Median inference time of a frame, over the analyzer\'s recent frames.', labels, analyzer.inferenceMs / 1000);
    }
    for (const server of pipeline.algorithmServers) {
      out.counter('vigil_algorithm_server_restarts_total', 'Restarts of an algorithm server a pipeline uses.', { ...ids, algorithm_id: server.algorithmId }, server.restarts);
    }
  }
}

function writeCallbacks(out: Exposition, snapshot: MetricsSnapshot): void {
  for (const target of snapshot.callbackTargets) out.gauge('vigil_callback_target_info', 'A callback target; always 1.', { target_id: target.id, target_name: target.name, enabled: String(target.enabled) }, 1);
  const totals = new Map<string, number>();
  for (const row of snapshot.deliveries) {
    totals.set(row.targetId, (totals.get(row.targetId) ?? 0) + row.count);
    out.gauge('vigil_callback_deliveries', 'Alarm deliveries by their current state (pending, delivered, failed, dead).', { target_id: row.targetId, state: row.state }, row.count);
  }
  for (const [targetId, count] of totals) out.counter('vigil_callback_deliveries_total', 'Alarm deliveries started towards a callback target.', { target_id: targetId }, count);
  for (const row of snapshot.deliveryFailures) out.counter('vigil_callback_delivery_failures_total', 'Delivery attempts to a callback target that did not succeed (retried, rejected, refused or errored).', { target_id: row.targetId }, row.count);
}

/** The Prometheus text exposition (format 0.0.4) of one snapshot. */
export async function renderMetrics(snapshot: MetricsSnapshot): Promise<{ contentType: string; text: string }> {
  const out = new Exposition();
  writeHealth(out, snapshot.health);
  writeCameras(out, snapshot.cameras);
  writePipelines(out, snapshot.pipelines);
  for (const row of snapshot.alarms) out.counter('vigil_alarms_total', 'Alarms raised by a pipeline on a camera (kept rows: retention deletes old ones).', { pipeline_id: row.pipelineId, camera_id: row.cameraId }, row.count);
  writeCallbacks(out, snapshot);
  return { contentType: out.registry.contentType, text: await out.registry.metrics() };
}
