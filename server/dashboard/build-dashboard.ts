import { pipelineStateValues, type Dashboard, type DashboardCamera } from '../../lib/contracts/dashboard';
import type { AppContext } from '../app-context';
import type { ReadDiskUsage } from '../retention/disk-usage';
import { countByStatus } from './camera-status';
import { countReadyWorkloads } from './pipeline-state';
import { countAlarmsByType, readRecentAlarms } from './read-alarm-summary';
import { readPlatformState } from './read-platform-state';
import { startOfDayIn } from './start-of-day';

const attentionOrder: Record<DashboardCamera['status'], number> = { offline: 0, unknown: 1, disabled: 2, unwatched: 3, online: 4 };
const attentionLimit = 20;

/** GET /api/v1/dashboard and the dashboard page: one snapshot of the platform, "today" counted in `timeZone`. */
export async function buildDashboard(app: AppContext, timeZone: string, options: { readDiskUsage?: ReadDiskUsage } = {}): Promise<Dashboard> {
  const now = app.now();
  const since = startOfDayIn(now, timeZone).toISOString();
  const [state, today, recent] = await Promise.all([readPlatformState(app, options), countAlarmsByType(app, since), readRecentAlarms(app)]);
  const pipelineItems = state.pipelines.items.map((pipeline) => ({
    id: pipeline.id,
    name: pipeline.name,
    desiredState: pipeline.desiredState,
    state: pipeline.view.state,
    revision: pipeline.view.revision,
    workloads: countReadyWorkloads(pipeline.view.workloads),
    ...(pipeline.view.problem ? { problem: pipeline.view.problem } : {}),
  }));
  const pipelineCounts = countByStatus(pipelineItems.map((pipeline) => pipeline.state), pipelineStateValues);
  pipelineCounts.stopped += state.pipelines.idle;
  const attention = state.cameras
    .filter((camera) => camera.status === 'offline' || camera.status === 'unknown')
    .sort((a, b) => attentionOrder[a.status] - attentionOrder[b.status])
    .slice(0, attentionLimit);
  return {
    generatedAt: now.toISOString(),
    timeZone,
    cameras: { total: state.cameras.length, counts: state.cameraCounts, attention },
    pipelines: { total: state.pipelines.total, counts: pipelineCounts, items: pipelineItems },
    alarms: { today, recent },
    health: state.health,
  };
}
