import type { Db } from '../../db/connect';
import { graphReferences, type PipelineGraph } from '../../lib/pipeline/graph-schema';

/** Pipelines whose latest revision uses the camera or algorithm: those must not lose it underneath them. */
export async function findPipelinesReferencing(db: Db, ref: { cameraId?: string; algorithmId?: string }): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .selectFrom('pipelines')
    .innerJoin('pipeline_revisions', (join) =>
      join.onRef('pipeline_revisions.pipeline_id', '=', 'pipelines.id').onRef('pipeline_revisions.revision', '=', 'pipelines.latest_revision'),
    )
    .select(['pipelines.id', 'pipelines.name', 'pipeline_revisions.graph'])
    .execute();
  return rows
    .filter((row) => {
      const refs = graphReferences(JSON.parse(row.graph) as PipelineGraph);
      return (ref.cameraId !== undefined && refs.cameraIds.includes(ref.cameraId)) || (ref.algorithmId !== undefined && refs.algorithmIds.includes(ref.algorithmId));
    })
    .map(({ id, name }) => ({ id, name }));
}
