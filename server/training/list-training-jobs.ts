import { notFound } from '../../lib/errors';
import type { TrainingJob, TrainingJobDetail } from '../../lib/contracts/training';
import type { AppContext } from '../app-context';
import { toTrainingJob, toTrainingRound } from './training-job-mapper';

export async function listTrainingJobs(app: Pick<AppContext, 'db'>, limit: number): Promise<TrainingJob[]> {
  const rows = await app.db.selectFrom('training_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toTrainingJob);
}

/** A job with every round recorded so far: per-site training and evaluation metrics, dropouts, checkpoints. */
export async function getTrainingJob(app: Pick<AppContext, 'db'>, id: string): Promise<TrainingJobDetail> {
  const row = await app.db.selectFrom('training_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Training job', id);
  const rounds = await app.db.selectFrom('training_rounds').selectAll().where('job_id', '=', id).orderBy('round').execute();
  return { ...toTrainingJob(row), rounds: rounds.map(toTrainingRound) };
}
