import { formatId } from '../../lib/ids/ids';
import type { Db } from '../../db/connect';
import type { TrainingRound } from '../../lib/contracts/training';
import type { ArtifactReference } from '../../lib/federated/round-messages';
import type { TrainingMetrics } from '../../lib/federated/round-policy';
import { seedFrom } from '../../lib/federated/seeded-random';

/** What the workflow writes as it goes; every write is idempotent by (job, round), since activities may run twice. */
export async function markTrainingJobRunning(db: Db, jobId: string, now: Date): Promise<void> {
  await db.updateTable('training_jobs').set({ state: 'running', started_at: now.toISOString() }).where('id', '=', jobId).where('state', '=', 'queued').execute();
}

export async function recordTrainingRound(db: Db, jobId: string, round: TrainingRound): Promise<void> {
  const values = {
    state: round.state,
    attempts: round.attempts,
    started_at: round.startedAt,
    finished_at: round.finishedAt,
    selected: JSON.stringify(round.selected),
    training: JSON.stringify(round.training),
    evaluation: JSON.stringify(round.evaluation),
    dropouts: JSON.stringify(round.dropouts),
    metrics: round.metrics ? JSON.stringify(round.metrics) : null,
    model_uri: round.model?.uri ?? null,
    model_sha256: round.model?.sha256 ?? null,
    privacy: round.privacy ? JSON.stringify(round.privacy) : null,
    secure_aggregation: round.secureAggregation ? 1 : 0,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('training_rounds').values({ job_id: jobId, round: round.round, ...values }).onConflict((conflict) => conflict.columns(['job_id', 'round']).doUpdateSet(values)).execute();
    if (round.state === 'completed') {
      await trx.updateTable('training_jobs').set({ rounds_completed: round.round }).where('id', '=', jobId).where('rounds_completed', '<', round.round).execute();
    }
  });
}

export interface PublishModelInput {
  jobId: string;
  algorithm: string;
  round: number;
  model: ArtifactReference;
  metrics: (TrainingMetrics & { sampleCount: number }) | null;
}

/** One version per job (a retried publish returns the same one); versions count up per algorithm. */
export async function publishModelVersion(db: Db, input: PublishModelInput, now: Date): Promise<{ id: string; version: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('model_versions').select(['id', 'version']).where('job_id', '=', input.jobId).executeTakeFirst();
    if (existing) return existing;
    const latest = await trx.selectFrom('model_versions').select((eb) => eb.fn.max('version').as('version')).where('algorithm', '=', input.algorithm).executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;
    // Derived from the job id, so the id is the same whichever attempt inserts it.
    const id = formatId('modelVersion', seedBytes(input.jobId));
    await trx
      .insertInto('model_versions')
      .values({ id, algorithm: input.algorithm, version, job_id: input.jobId, round: input.round, model_uri: input.model.uri, model_sha256: input.model.sha256, metrics: input.metrics ? JSON.stringify(input.metrics) : null, created_at: now.toISOString() })
      .execute();
    return { id, version };
  });
}

export interface FinishTrainingJobInput {
  jobId: string;
  state: 'completed' | 'failed';
  roundsCompleted: number;
  stoppedEarly: boolean;
  finalMetrics: TrainingMetrics | null;
  modelVersionId: string | null;
  error: string | null;
}

export async function finishTrainingJob(db: Db, input: FinishTrainingJobInput, now: Date): Promise<void> {
  await db
    .updateTable('training_jobs')
    .set({
      state: input.state,
      rounds_completed: input.roundsCompleted,
      stopped_early: input.stoppedEarly ? 1 : 0,
      final_metrics: input.finalMetrics ? JSON.stringify({ loss: input.finalMetrics.loss, accuracy: input.finalMetrics.accuracy }) : null,
      model_version_id: input.modelVersionId,
      error: input.error,
      finished_at: now.toISOString(),
    })
    .where('id', '=', input.jobId)
    .execute();
}

function seedBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(10);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, seedFrom(text, 'a'));
  view.setUint32(4, seedFrom(text, 'b'));
  view.setUint16(8, seedFrom(text, 'c') & 0xffff);
  return bytes;
}
