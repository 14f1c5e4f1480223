import type { ModelVersionsTable, TrainingJobsTable, TrainingRoundsTable } from '../../db/schema';
import type { ModelVersion, TrainingJob, TrainingRound } from '../../lib/contracts/training';

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toTrainingJob(row: TrainingJobsTable): TrainingJob {
  return {
    id: row.id,
    name: row.name,
    workflowId: row.workflow_id,
    algorithm: row.algorithm,
    state: row.state,
    spec: JSON.parse(row.spec) as Record<string, unknown>,
    roundsCompleted: Number(row.rounds_completed),
    stoppedEarly: Number(row.stopped_early) === 1,
    finalMetrics: parse(row.final_metrics),
    modelVersionId: row.model_version_id,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function toTrainingRound(row: TrainingRoundsTable): TrainingRound {
  return {
    round: row.round,
    state: row.state,
    attempts: row.attempts,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    selected: JSON.parse(row.selected) as string[],
    training: JSON.parse(row.training) as TrainingRound['training'],
    evaluation: JSON.parse(row.evaluation) as TrainingRound['evaluation'],
    dropouts: JSON.parse(row.dropouts) as TrainingRound['dropouts'],
    metrics: parse(row.metrics),
    model: row.model_uri && row.model_sha256 ? { uri: row.model_uri, sha256: row.model_sha256 } : null,
    privacy: parse(row.privacy),
    secureAggregation: row.secure_aggregation === 1,
  };
}

export function toModelVersion(row: ModelVersionsTable, active: boolean): ModelVersion {
  return {
    id: row.id,
    algorithm: row.algorithm,
    version: row.version,
    jobId: row.job_id,
    round: row.round,
    model: { uri: row.model_uri, sha256: row.model_sha256 },
    metrics: parse(row.metrics),
    createdAt: row.created_at,
    active,
  };
}
