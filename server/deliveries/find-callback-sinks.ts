import type { Db } from '../../db/connect';
import { callbackNodeConfig } from '../../lib/pipeline/nodes/sink-nodes';
import type { PipelineGraph } from '../../lib/pipeline/graph-schema';

export interface CallbackSink {
  nodeId: string;
  url: string;
  timeoutSeconds: number;
}

/**
 * The callback nodes among a rule's sinks, re-read from the saved revision (revisions are immutable): the
 * analyzer only names the nodes, so an event cannot direct the platform to a URL the pipeline does not hold.
 */
export async function findCallbackSinks(db: Db, pipeline: { id: string; revision: number }, sinkNodeIds: readonly string[]): Promise<{ sinks: CallbackSink[]; problems: string[] }> {
  const row = await db.selectFrom('pipeline_revisions').select('graph').where('pipeline_id', '=', pipeline.id).where('revision', '=', pipeline.revision).executeTakeFirst();
  if (!row) return { sinks: [], problems: [`revision ${pipeline.revision} of pipeline ${pipeline.id} does not exist`] };
  const graph = JSON.parse(row.graph) as PipelineGraph;
  const wanted = new Set(sinkNodeIds);
  const sinks: CallbackSink[] = [];
  const problems: string[] = [];
  for (const node of graph.nodes) {
    if (!wanted.has(node.id) || node.type !== 'callback') continue;
    const config = callbackNodeConfig.safeParse(node.data);
    if (config.success) sinks.push({ nodeId: node.id, url: config.data.url, timeoutSeconds: config.data.timeoutSeconds });
    else problems.push(`callback node ${node.id} has an invalid config: ${config.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { sinks, problems };
}
