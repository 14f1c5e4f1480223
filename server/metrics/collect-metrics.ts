import type { AppContext } from '../app-context';
import { readPlatformState } from '../dashboard/read-platform-state';
import type { ReadDiskUsage } from '../retention/disk-usage';
import type { MetricsSnapshot } from './metrics-snapshot';

// Rows written before callback targets existed have no target.
const noTarget = 'none';

/** One scrape's numbers: the platform state (bounded, with timeouts) plus grouped counts from the alarm and delivery tables. */
export async function collectMetrics(app: AppContext, options: { readDiskUsage?: ReadDiskUsage } = {}): Promise<MetricsSnapshot> {
  const [state, alarms, targets, deliveries, failures] = await Promise.all([
    readPlatformState(app, options),
    app.db.selectFrom('alarms').select((eb) => ['pipeline_id', 'camera_id', eb.fn.countAll<number | string>().as('count')]).groupBy(['pipeline_id', 'camera_id']).execute(),
    app.db.selectFrom('callback_targets').select(['id', 'name', 'enabled']).orderBy('name').execute(),
    app.db.selectFrom('callback_deliveries').select((eb) => ['target_id', 'state', eb.fn.countAll<number | string>().as('count')]).groupBy(['target_id', 'state']).execute(),
    app.db
      .selectFrom('callback_delivery_attempts')
      .innerJoin('callback_deliveries', 'callback_deliveries.id', 'callback_delivery_attempts.delivery_id')
      .select((eb) => ['callback_deliveries.target_id', eb.fn.countAll<number | string>().as('count')])
      .where('callback_delivery_attempts.outcome', '!=', 'delivered')
      .groupBy('callback_deliveries.target_id')
      .execute(),
  ]);
  return {
    health: state.health,
    cameras: state.cameras,
    pipelines: state.pipelines.items.map((pipeline) => ({
      id: pipeline.id,
      name: pipeline.name,
      state: pipeline.view.state,
      statusAnswered: pipeline.view.state !== 'unknown',
      revision: pipeline.view.revision,
      repairs: pipeline.view.repairs ?? null,
      analyzers: pipeline.analyzers.map(({ cameraId, workload }) => ({
        cameraId,
        ready: workload.ready,
        restarts: workload.restarts,
        ...(workload.fps !== undefined ? { fps: workload.fps } : {}),
        ...(workload.inferenceMs !== undefined ? { inferenceMs: workload.inferenceMs } : {}),
      })),
      algorithmServers: pipeline.view.workloads.filter((workload) => workload.kind === 'algorithm-server').map((workload) => ({ algorithmId: workload.serves, ready: workload.ready, restarts: workload.restarts })),
    })),
    alarms: alarms.map((row) => ({ pipelineId: row.pipeline_id, cameraId: row.camera_id, count: Number(row.count) })),
    callbackTargets: targets.map((row) => ({ id: row.id, name: row.name, enabled: Boolean(row.enabled) })),
    deliveries: deliveries.map((row) => ({ targetId: row.target_id ?? noTarget, state: row.state, count: Number(row.count) })),
    deliveryFailures: failures.map((row) => ({ targetId: row.target_id ?? noTarget, count: Number(row.count) })),
  };
}
