import type { PipelineRevision } from '../../lib/contracts/pipelines';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { createRevision } from './create-revision';
import { getPipelineRevision } from './get-pipeline';

/** Restoring never rewrites history: the old graph becomes a new revision on top. */
export async function restoreRevision(app: AppContext, pipelineId: string, revision: number, actor: Principal): Promise<PipelineRevision> {
  const old = await getPipelineRevision(app, pipelineId, revision);
  return createRevision(app, pipelineId, { graph: old.graph, comment: `Restored from revision ${revision}` }, actor);
}
