import type { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { createPipelineBodySchema, Pipeline } from '../../lib/contracts/pipelines';
import { isUniqueViolation } from '../../db/errors';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { newId } from '../new-id';
import { toPipeline } from './pipeline-mapper';

/** Creates the pipeline and its revision 1 together: a pipeline never exists without a revision. */
export async function createPipeline(app: AppContext, body: z.infer<typeof createPipelineBodySchema>, actor: Principal): Promise<Pipeline> {
  const at = app.now().toISOString();
  const row = { id: newId('pipeline'), name: body.name, description: body.description, latest_revision: 1, deployed_revision: null, desired_state: 'stopped' as const, created_at: at, updated_at: at };
  try {
    await app.db.transaction().execute(async (trx) => {
      await trx.insertInto('pipelines').values(row).execute();
      await trx
        .insertInto('pipeline_revisions')
        .values({ pipeline_id: row.id, revision: 1, graph: JSON.stringify(body.graph), comment: body.comment, created_at: at, created_by: actor.userId })
        .execute();
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A pipeline named "${body.name}" already exists`);
    throw error;
  }
  await recordAudit(app.db, { actor, action: 'pipeline.create', resourceType: 'pipeline', resourceId: row.id, details: { name: row.name }, at: app.now() });
  return toPipeline(row);
}
