import { cameraStatusValues, type CameraReason, type CameraStatus, type SystemHealth } from '../../lib/contracts/dashboard';
import type { AppContext } from '../app-context';
import type { ReadDiskUsage } from '../retention/disk-usage';
import { classifyCamera, countByStatus, type AnalyzerSighting } from './camera-status';
import { readPipelines, type PipelinesReading } from './read-pipelines';
import { readSystemHealth } from './read-system-health';

export interface CameraReading {
  id: string;
  name: string;
  status: CameraStatus;
  reason: CameraReason;
}

/** What the dashboard and /metrics both show: health, pipelines as their workflows report them, cameras classified. */
export interface PlatformState {
  health: SystemHealth;
  pipelines: PipelinesReading;
  cameras: CameraReading[];
  cameraCounts: Record<CameraStatus, number>;
}

export async function readPlatformState(app: AppContext, options: { readDiskUsage?: ReadDiskUsage } = {}): Promise<PlatformState> {
  const [system, pipelines, cameraRows] = await Promise.all([
    readSystemHealth(app, options.readDiskUsage),
    readPipelines(app),
    app.db.selectFrom('cameras').select(['id', 'name', 'enabled', 'stream_url']).orderBy('name').orderBy('id').execute(),
  ]);
  const analyzers = new Map<string, AnalyzerSighting[]>();
  const expected = new Set<string>();
  for (const pipeline of pipelines.items) {
    if (pipeline.desiredState === 'running') for (const cameraId of pipeline.cameraIds) expected.add(cameraId);
    for (const { cameraId, workload } of pipeline.analyzers) {
      const list = analyzers.get(cameraId) ?? [];
      list.push({ pipelineId: pipeline.id, ready: workload.ready });
      analyzers.set(cameraId, list);
    }
  }
  const cameras = cameraRows.map((row) => ({ id: row.id, name: row.name, ...classifyCamera({ id: row.id, enabled: Boolean(row.enabled), streamUrl: row.stream_url }, { relays: system.relays, analyzers, expected }) }));
  return { health: system.health, pipelines, cameras, cameraCounts: countByStatus(cameras.map((camera) => camera.status), cameraStatusValues) };
}
