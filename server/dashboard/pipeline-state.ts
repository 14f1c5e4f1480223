import type { PipelineState } from '../../lib/contracts/dashboard';
import type { PipelineRunStatus, WorkloadHealthView } from '../../lib/pipeline/deployment';

/** What the workflow engine said about one pipeline, or why it could not be asked. */
export type PipelineLive = { running: boolean; status?: PipelineRunStatus; last?: PipelineRunStatus; problem?: string } | { error: string };

export interface PipelineStateView {
  state: PipelineState;
  revision: number | null;
  workloads: WorkloadHealthView[];
  /** Workloads the running workflow started again because the runtime had lost them. */
  repairs?: number;
  problem?: string;
}

const fromRunState: Record<PipelineRunStatus['state'], PipelineState> = {
  deploying: 'starting',
  updating: 'starting',
  running: 'running',
  degraded: 'degraded',
  stopping: 'stopping',
  stopped: 'stopped',
  failed: 'failed',
};

/** The dashboard's state of a pipeline from its desired state and its workflow's answer (status query or last result). */
export function pipelineStateOf(desiredState: 'running' | 'stopped', deployedRevision: number | null, live: PipelineLive | undefined): PipelineStateView {
  if (!live) return { state: 'stopped', revision: deployedRevision, workloads: [] };
  if ('error' in live) return { state: 'unknown', revision: deployedRevision, workloads: [], problem: live.error };
  if (live.running) {
    if (!live.status) return { state: 'unknown', revision: deployedRevision, workloads: [], ...(live.problem ? { problem: live.problem } : {}) };
    return { state: fromRunState[live.status.state], revision: live.status.revision, workloads: live.status.workloads, repairs: live.status.repairs, ...(live.status.lastError ? { problem: live.status.lastError } : {}) };
  }
  // No workflow runs: fine when the operator stopped it; a failure when the pipeline should run.
  if (live.last?.state === 'failed') return { state: 'failed', revision: live.last.revision, workloads: [], ...(live.last.lastError ? { problem: live.last.lastError } : {}) };
  return { state: desiredState === 'running' ? 'failed' : 'stopped', revision: deployedRevision, workloads: [], ...(desiredState === 'running' ? { problem: 'the pipeline should run but its workflow is not running' } : {}) };
}

export function countReadyWorkloads(workloads: readonly WorkloadHealthView[]): { ready: number; total: number } {
  return { ready: workloads.filter((workload) => workload.ready).length, total: workloads.length };
}
