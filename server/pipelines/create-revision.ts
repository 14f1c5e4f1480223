import type { z } from 'zod';
import { AppError, notFound } from '../../lib/errors';
import type { createRevisionBodySchema, PipelineRevision } from '../../lib/contracts/pipelines';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { getPipelineRevision } from './get-pipeline';

/**
 * Saves a graph as the next immutable revision. Two concurrent saves cannot both become revision n+1:
 * the (pipeline_id, revision) primary key lets one win and the other gets 409.
 */
export async function createRevision(app: AppContext, pipelineId: string, body: z.infer<typeof createRevisionBodySchema>, actor: Principal): Promise<PipelineRevision> {
  const at = app.now().toISOString();
  let revision = 0;
  try {
    await app.db.transaction().execute(async (trx) => {
      const pipeline = await trx.selectFrom('pipelines').select(['latest_revision']).where('id', '=', pipelineId).executeTakeFirst();
      if (!pipeline) throw notFound('Pipeline', pipelineId);
      if (body.baseRevision !== undefined && body.baseRevision !== pipeline.latest_revision) {
        throw new AppError('conflict', `Revision ${pipeline.latest_revision} was saved after your base revision ${body.baseRevision}; reload and merge`, {
          latestRevision: pipeline.latest_revision,
        });
      }
      revision = pipeline.latest_revision + 1;
      await trx.insertInto('pipeline_revisions').values({ pipeline_id: pipelineId, revision, graph: JSON.stringify(body.graph), comment: body.comment, created_at: at, created_by: actor.userId }).execute();
      await trx.updateTable('pipelines').set({ latest_revision: revision, updated_at: at }).where('id', '=', pipelineId).execute();
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Another save created this revision at the same time; reload and retry');
    throw error;
  }
  await recordAudit(app.db, { actor, action: 'pipeline.revision.create', resourceType: 'pipeline', resourceId: pipelineId, details: { revision }, at: app.now() });
  return getPipelineRevision(app, pipelineId, revision);
}
