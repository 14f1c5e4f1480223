import type { Db } from '../../db/connect';
import { graphReferences, type PipelineGraph } from '../../lib/pipeline/graph-schema';

export interface AlgorithmUsage {
  pipelineId: string;
  name: string;
  desiredState: 'stopped' | 'running';
  latestRevision: number;
  deployedRevision: number | null;
  /** Revisions whose graph uses the algorithm version, newest first. */
  revisions: number[];
}

/** Every pipeline with at least one revision using the algorithm version (older revisions count: they can be restored). */
export async function findAlgorithmUsage(db: Db, algorithmId: string): Promise<AlgorithmUsage[]> {
  const rows = await db
    .selectFrom('pipeline_revisions')
    .innerJoin('pipelines', 'pipelines.id', 'pipeline_revisions.pipeline_id')
    .select(['pipelines.id', 'pipelines.name', 'pipelines.desired_state', 'pipelines.latest_revision', 'pipelines.deployed_revision', 'pipeline_revisions.revision', 'pipeline_revisions.graph'])
    .orderBy('pipelines.name')
    .orderBy('pipelines.id')
    .orderBy('pipeline_revisions.revision', 'desc')
    .execute();
  const usage = new Map<string, AlgorithmUsage>();
  for (const row of rows) {
    if (!graphReferences(JSON.parse(row.graph) as PipelineGraph).algorithmIds.includes(algorithmId)) continue;
    const entry = usage.get(row.id) ?? { pipelineId: row.id, name: row.name, desiredState: row.desired_state, latestRevision: row.latest_revision, deployedRevision: row.deployed_revision, revisions: [] };
    entry.revisions.push(row.revision);
    usage.set(row.id, entry);
  }
  return [...usage.values()];
}
