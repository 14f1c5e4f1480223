import type { z } from 'zod';
import { AppError, notFound } from '../../lib/errors';
import type { Pipeline, updatePipelineBodySchema } from '../../lib/contracts/pipelines';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { toPipeline } from './pipeline-mapper';

/** Renames or re-describes a pipeline; its graph changes only through new revisions. */
export async function updatePipeline(app: AppContext, id: string, body: z.infer<typeof updatePipelineBodySchema>, actor: Principal): Promise<Pipeline> {
  const current = await app.db.selectFrom('pipelines').selectAll().where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('Pipeline', id);
  const changes = { name: body.name ?? current.name, description: body.description ?? current.description, updated_at: app.now().toISOString() };
  try {
    await app.db.updateTable('pipelines').set(changes).where('id', '=', id).execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A pipeline named "${changes.name}" already exists`);
    throw error;
  }
  await recordAudit(app.db, { actor, action: 'pipeline.update', resourceType: 'pipeline', resourceId: id, details: { changed: Object.keys(body) }, at: app.now() });
  return toPipeline({ ...current, ...changes });
}

export async function deletePipeline(app: AppContext, id: string, actor: Principal): Promise<void> {
  const current = await app.db.selectFrom('pipelines').select(['desired_state']).where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('Pipeline', id);
  if (current.desired_state === 'running') throw new AppError('conflict', `Pipeline ${id} is deployed; stop it before deleting it`);
  await app.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pipeline_revisions').where('pipeline_id', '=', id).execute();
    await trx.deleteFrom('pipelines').where('id', '=', id).execute();
  });
  await recordAudit(app.db, { actor, action: 'pipeline.delete', resourceType: 'pipeline', resourceId: id, at: app.now() });
}
