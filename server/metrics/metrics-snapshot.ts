import type { CameraReading } from '../dashboard/read-platform-state';
import type { SystemHealth, PipelineState } from '../../lib/contracts/dashboard';

/** Everything one scrape reports, gathered first so that rendering is a pure function of it. */
export interface MetricsSnapshot {
  health: SystemHealth;
  cameras: CameraReading[];
  pipelines: {
    id: string;
    name: string;
    state: PipelineState;
    /** false when the workflow's status query failed or did not answer in time. */
    statusAnswered: boolean;
    revision: number | null;
    repairs: number | null;
    /** Per camera, from the analyzers the workflow reported. */
    analyzers: { cameraId: string; ready: boolean; fps?: number; inferenceMs?: number; restarts: number }[];
    algorithmServers: { algorithmId: string; ready: boolean; restarts: number }[];
  }[];
  alarms: { pipelineId: string; cameraId: string; count: number }[];
  callbackTargets: { id: string; name: string; enabled: boolean }[];
  deliveries: { targetId: string; state: string; count: number }[];
  deliveryFailures: { targetId: string; count: number }[];
}
