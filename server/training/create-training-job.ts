import { randomInt } from 'node:crypto';
import type { Db } from '../../db/connect';
import { trainingJobSpecSchema, type CreateTrainingJobBody, type TrainingJob, type TrainingJobSpec } from '../../lib/contracts/training';
import { AppError } from '../../lib/errors';
import { trainableNames } from '../../training/trainable-registry';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { newId } from '../new-id';
import { getSettings } from '../settings/get-settings';
import { toTrainingJob } from './training-job-mapper';

/**
 * Federated training is optional at install (settings.trainingEnabled, off by default): a disabled platform
 * refuses new jobs with 409 and says how to turn it on; everything else keeps working without it.
 */
export async function createTrainingJob(app: AppContext, actor: Principal, body: CreateTrainingJobBody, ip: string | null): Promise<TrainingJob> {
  const { trainingEnabled } = await getSettings(app.db);
  if (!trainingEnabled) throw new AppError('conflict', 'Federated training is disabled on this platform: an admin can enable it with PATCH /api/v1/settings {"trainingEnabled": true}');
  const spec = resolveTrainingSpec(body);
  const job = await insertTrainingJob(app.db, spec, actor.userId, app.now());
  await recordAudit(app.db, { actor, action: 'training.create', resourceType: 'training_job', resourceId: job.id, details: { algorithm: spec.algorithm, sites: spec.sites, rounds: spec.rounds, strategy: spec.strategy.kind }, ip, at: app.now() });
  try {
    await app.workflows.startTrainingJob({ jobId: job.id, spec });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await app.db.updateTable('training_jobs').set({ state: 'failed', error: `not started: ${message}`, finished_at: app.now().toISOString() }).where('id', '=', job.id).execute();
    throw error;
  }
  return job;
}

/** Defaults filled, the algorithm checked against the trainables this build has, the seed fixed (so a job can be rerun identically). */
export function resolveTrainingSpec(body: CreateTrainingJobBody): TrainingJobSpec {
  const parsed = trainingJobSpecSchema.parse(body);
  if (!trainableNames.includes(parsed.algorithm)) throw new AppError('validation_failed', `Unknown trainable algorithm ${parsed.algorithm}`, [{ path: 'algorithm', message: `one of ${trainableNames.join(', ')}` }]);
  return { ...parsed, seed: parsed.seed ?? randomInt(2 ** 31 - 1) };
}

export async function insertTrainingJob(db: Db, spec: TrainingJobSpec, createdBy: string | null, now: Date): Promise<TrainingJob> {
  const id = newId('trainingJob');
  const row = {
    id,
    name: spec.name ?? `${spec.algorithm} × ${spec.sites.length} sites`,
    workflow_id: `training:${id}`,
    algorithm: spec.algorithm,
    state: 'queued' as const,
    spec: JSON.stringify(spec),
    rounds_completed: 0,
    stopped_early: 0,
    final_metrics: null,
    model_version_id: null,
    error: null,
    created_by: createdBy,
    created_at: now.toISOString(),
    started_at: null,
    finished_at: null,
  };
  await db.insertInto('training_jobs').values(row).execute();
  return toTrainingJob(row);
}
