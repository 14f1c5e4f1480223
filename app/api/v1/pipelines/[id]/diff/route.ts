import { diffQuerySchema } from '@/lib/contracts/pipeline-builder';
import { diffGraphs } from '@/lib/pipeline/diff-graphs';
import { route } from '@/server/http/route';
import { getPipelineRevision } from '@/server/pipelines/get-pipeline';

export const GET = route({ access: 'viewer', query: diffQuerySchema }, async ({ app, params, query }) => {
  const [from, to] = await Promise.all([getPipelineRevision(app, params.id!, query.from), getPipelineRevision(app, params.id!, query.to)]);
  return { json: diffGraphs(from.graph, to.graph) };
});
