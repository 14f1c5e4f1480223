import { notFound } from '../../lib/errors';
import type { Pipeline, PipelineRevision } from '../../lib/contracts/pipelines';
import type { AppContext } from '../app-context';
import { toPipeline, toPipelineRevision } from './pipeline-mapper';

export async function getPipeline(app: AppContext, id: string): Promise<Pipeline & { graph: PipelineRevision['graph'] }> {
  const row = await app.db.selectFrom('pipelines').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Pipeline', id);
  const revision = await getPipelineRevision(app, id, row.latest_revision);
  return { ...toPipeline(row), graph: revision.graph };
}

export async function listPipelines(app: AppContext): Promise<ReturnType<typeof toPipeline>[]> {
  const rows = await app.db.selectFrom('pipelines').selectAll().orderBy('name').execute();
  return rows.map(toPipeline);
}

export async function getPipelineRevision(app: AppContext, pipelineId: string, revision: number): Promise<PipelineRevision> {
  const row = await app.db.selectFrom('pipeline_revisions').selectAll().where('pipeline_id', '=', pipelineId).where('revision', '=', revision).executeTakeFirst();
  if (!row) throw notFound('Revision', `${pipelineId}@${revision}`);
  return toPipelineRevision(row);
}

export async function listPipelineRevisions(app: AppContext, pipelineId: string): Promise<Omit<PipelineRevision, 'graph'>[]> {
  const exists = await app.db.selectFrom('pipelines').select('id').where('id', '=', pipelineId).executeTakeFirst();
  if (!exists) throw notFound('Pipeline', pipelineId);
  const rows = await app.db
    .selectFrom('pipeline_revisions')
    .select(['pipeline_id', 'revision', 'comment', 'created_at', 'created_by'])
    .where('pipeline_id', '=', pipelineId)
    .orderBy('revision', 'desc')
    .execute();
  return rows.map((row) => ({ pipelineId: row.pipeline_id, revision: row.revision, comment: row.comment, createdAt: row.created_at, createdBy: row.created_by }));
}
