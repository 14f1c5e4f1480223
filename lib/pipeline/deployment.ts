/** What a deployed revision runs: workload ids only (no secrets: this travels through workflow history). */
export interface PipelineDeployment {
  revision: number;
  algorithmServers: { workloadId: string; algorithmId: string }[];
  analyzers: { workloadId: string; cameraNodeId: string; cameraId: string }[];
  /** The alarm-verifier model version its analyzers run (docs/decisions/0010); absent: none. Part of the analyzers' ids. */
  verifierModelVersionId?: string;
}

/**
 * What deployPipelineRevision deploys. Without `verifier` it reads the published alarm-verifier version (a new deploy,
 * an update, a redeploy); with it, that version or none (`null`): a repair restores exactly what was running.
 */
export interface DeployRevisionRequest {
  pipelineId: string;
  revision: number;
  verifier?: { modelVersionId: string | null };
}

/** Signal `redeploy`: deploy the running revision again (what it reads may have changed) and hand over to it. */
export const redeploySignalName = 'redeploy';
export interface RedeployRequest {
  /** Why, for the status and logs (e.g. "model version mdv_… published"). */
  reason: string;
}

/** An analyzer's verifier as its /stats reports it: a model that failed to load is named here, never silently skipped. */
export interface AnalyzerVerifierStatus {
  modelVersionId: string;
  state: 'loading' | 'ready' | 'failed';
  error?: string;
  /** Alarm events that carry a verification / that could not get one (model not loaded, no object, scoring failed). */
  verified: number;
  unverified: number;
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
  /** Analyzers only: the alarm-verifier model it runs and whether it loaded, from its /stats. */
  verifier?: AnalyzerVerifierStatus;
}

export interface PipelineRunStatus {
  state: 'deploying' | 'running' | 'degraded' | 'updating' | 'stopping' | 'stopped' | 'failed';
  revision: number;
  workloads: WorkloadHealthView[];
  checkedAt: string;
  /** Workloads started again because the runtime no longer had them. */
  repairs: number;
  lastError?: string;
  /** How the last update to a new revision handed each camera over from the old analyzer to the new one. */
  lastUpdate?: UpdateHandover;
}

/**
 * A rolling update's hand-over, per camera node: the old analyzer is removed only once its replacement answers
 * ready, so the gap (time without a ready analyzer) is normally 0; a replacement that stops answering during the
 * hand-over opens one, and a gap longer than `maxGapMs` (VIGIL_UPDATE_MAX_GAP_MS) is reported, not accepted silently.
 */
export interface UpdateHandover {
  fromRevision: number;
  toRevision: number;
  /** Set on a redeploy of the same revision (signal `redeploy`): why the analyzers were replaced. */
  reason?: string;
  maxGapMs: number;
  cameras: { cameraNodeId: string; gapMs: number; exceeded: boolean }[];
  withinBound: boolean;
}

/** degraded as soon as one workload is not ready; the workflow keeps supervising. */
export function summarise(workloads: WorkloadHealthView[]): 'running' | 'degraded' {
  return workloads.every((workload) => workload.ready) ? 'running' : 'degraded';
}
