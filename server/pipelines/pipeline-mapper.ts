import type { Selectable } from 'kysely';
import type { PipelineRevisionsTable, PipelinesTable } from '../../db/schema';
import type { Pipeline, PipelineRevision } from '../../lib/contracts/pipelines';
import type { PipelineGraph } from '../../lib/pipeline/graph-schema';

export function toPipeline(row: Selectable<PipelinesTable>): Pipeline {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    latestRevision: row.latest_revision,
    deployedRevision: row.deployed_revision,
    desiredState: row.desired_state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toPipelineRevision(row: Selectable<PipelineRevisionsTable>): PipelineRevision {
  return {
    pipelineId: row.pipeline_id,
    revision: row.revision,
    graph: JSON.parse(row.graph) as PipelineGraph,
    comment: row.comment,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}
