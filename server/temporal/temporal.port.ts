import type { TrainingJobSpec } from '../../lib/contracts/training';
import type { PipelineRunStatus } from '../../lib/pipeline/deployment';
import type { WorkflowHistoryEvent, WorkflowSummary } from '../../lib/contracts/workflows';

/** What the web app needs from the workflow engine; the adapter (temporal-engine.ts) hides the SDK's shapes. */
export interface WorkflowEnginePort {
  /** Resolves when the engine answers; rejects with a reason when it does not (within a short timeout). */
  checkHealth(): Promise<void>;
  /** Runs the health-check workflow end to end (engine → worker → database); rejects when it does not finish in time. */
  runHealthCheckWorkflow(options: { requestedBy: string; timeoutMs?: number }): Promise<HealthCheckReport>;
  /**
   * Starts the AlarmDelivery workflow of one alarm × target (id `alarm:<alarmId>:<targetId>`). alreadyStarted:
   * a run with that id is running (or, unless redrive, has run): nothing new was started.
   */
  startAlarmDelivery(input: { deliveryId: string; alarmId: string; targetId: string; redrive?: boolean }): Promise<{ workflowId: string; alreadyStarted: boolean }>;
  /** Starts the Retention workflow `retention:<runId>` for a run record the caller created. */
  startRetentionRun(input: { runId: string; trigger: 'api' | 'clean-data'; days?: number }): Promise<{ workflowId: string }>;
  /** Starts the FederatedTraining workflow `training:<jobId>` for a job record the caller created. */
  startTrainingJob(input: { jobId: string; spec: TrainingJobSpec }): Promise<{ workflowId: string }>;
  /** Creates or moves the daily `retention` schedule to HH:MM (settings.retentionRunAt). */
  syncRetentionSchedule(input: { runAt: string }): Promise<void>;
  /** Starts the pipeline workflow `pipeline:<id>` on a revision, or moves a running one to it (rolling update). */
  deployPipeline(input: { pipelineId: string; revision: number }): Promise<{ workflowId: string }>;
  stopPipeline(input: { pipelineId: string }): Promise<{ wasRunning: boolean }>;
  /** Asks a running pipeline to redeploy its revision (it re-reads what a deploy reads, e.g. the published verifier) and hand over to it. */
  redeployPipeline(input: { pipelineId: string; reason: string }): Promise<{ wasRunning: boolean }>;
  /** The running workflow's live status (query), or the final status of the last run. */
  pipelineStatus(input: { pipelineId: string }): Promise<{ running: boolean; status?: PipelineRunStatus; last?: PipelineRunStatus; problem?: string }>;
  /** Workflows of any kind, newest first (Temporal's visibility). */
  listWorkflows(input: { type?: string; status?: 'running' | 'closed'; limit: number }): Promise<WorkflowSummary[]>;
  /** The last `limit` events of a workflow's current run. */
  workflowHistory(input: { workflowId: string; limit: number }): Promise<WorkflowHistoryEvent[]>;
  /** Workers seen polling the task queue's workflow tasks lately (the dashboard's worker tile); stand-ins may omit it. */
  taskQueuePollers?(): Promise<TaskQueuePoller[]>;
  close(): Promise<void>;
}

export interface HealthCheckReport {
  requestedBy: string;
  database: { ok: boolean; latencyMs: number; error?: string };
  worker: { hostname: string; pid: number; nodeVersion: string; taskQueue: string };
  checkedAt: string;
}

export interface TaskQueuePoller {
  identity: string;
  lastAccessTime: string | null;
}
