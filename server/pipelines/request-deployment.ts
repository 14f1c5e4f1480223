import { AppError } from '../../lib/errors';
import type { PipelineRunStatus } from '../../lib/pipeline/deployment';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { getPipeline, getPipelineRevision } from './get-pipeline';
import { validateGraph } from './validate-graph';

/**
 * Deploy compiles the revision first (a broken graph is refused with its errors, 422), then starts the
 * pipeline workflow or moves the running one to this revision. The workflow records what actually runs.
 */
export async function requestDeployment(app: AppContext, pipelineId: string, revision: number | undefined, actor: Principal): Promise<{ workflowId: string; revision: number }> {
  const pipeline = await getPipeline(app, pipelineId);
  const target = revision ?? pipeline.latestRevision;
  const saved = await getPipelineRevision(app, pipelineId, target);
  const compiled = await validateGraph(app, saved.graph, { id: pipeline.id, name: pipeline.name, revision: target });
  if (!compiled.ok) throw new AppError('compile_failed', `Revision ${target} does not compile (${compiled.errors.length} problem(s)); fix them and save first`, compiled.errors);
  const { workflowId } = await app.workflows.deployPipeline({ pipelineId, revision: target });
  // Desired state is the operator's intent; the reconciler and the canvas read it.
  await app.db.updateTable('pipelines').set({ desired_state: 'running', updated_at: app.now().toISOString() }).where('id', '=', pipelineId).execute();
  await recordAudit(app.db, { actor, action: 'pipeline.deploy', resourceType: 'pipeline', resourceId: pipelineId, details: { revision: target }, at: app.now() });
  return { workflowId, revision: target };
}

export async function requestStop(app: AppContext, pipelineId: string, actor: Principal): Promise<{ wasRunning: boolean }> {
  await getPipeline(app, pipelineId);
  const result = await app.workflows.stopPipeline({ pipelineId });
  await app.db.updateTable('pipelines').set({ desired_state: 'stopped', updated_at: app.now().toISOString() }).where('id', '=', pipelineId).execute();
  await recordAudit(app.db, { actor, action: 'pipeline.stop', resourceType: 'pipeline', resourceId: pipelineId, at: app.now() });
  return result;
}

export async function readPipelineStatus(
  app: AppContext,
  pipelineId: string,
): Promise<{ desiredState: string; deployedRevision: number | null; running: boolean; status: PipelineRunStatus | null; problem: string | null }> {
  const pipeline = await getPipeline(app, pipelineId);
  const live = await app.workflows.pipelineStatus({ pipelineId });
  return { desiredState: pipeline.desiredState, deployedRevision: pipeline.deployedRevision, running: live.running, status: live.status ?? live.last ?? null, problem: live.problem ?? null };
}
