/** What a deployed revision runs: workload ids only (no secrets: this travels through workflow history). */
export interface PipelineDeployment {
  revision: number;
  algorithmServers: { workloadId: string; algorithmId: string }[];
  analyzers: { workloadId: string; cameraNodeId: string; cameraId: string }[];
}

export interface WorkloadHealthView {
  workloadId: string;
  kind: 'algorithm-server' | 'analyzer';
  /** The camera node or algorithm the workload serves. */
  serves: string;
  phase: 'starting' | 'running' | 'ready' | 'crash-loop' | 'failed' | 'stopped' | 'missing';
  ready: boolean;
  restarts: number;
  message?: string;
  /** Analyzers only: frames per second analysed and the last alarm, from the analyzer's /stats. */
  fps?: number;
  /** Analyzers only: median inference time of a frame (ms) over the analyzer's recent frames, from its /stats. */
  inferenceMs?: number;
  lastAlarmAt?: string;
}

export interface PipelineRunStatus {
  state: 'deploying' | 'running' | 'degraded' | 'updating' | 'stopping' | 'stopped' | 'failed';
  revision: number;
  workloads: WorkloadHealthView[];
  checkedAt: string;
  /** Workloads started again because the runtime no longer had them. */
  repairs: number;
  lastError?: string;
}

/** degraded as soon as one workload is not ready; the workflow keeps supervising. */
export function summarise(workloads: WorkloadHealthView[]): 'running' | 'degraded' {
  return workloads.every((workload) => workload.ready) ? 'running' : 'degraded';
}
