import { AppError } from '../../lib/errors';
import type { AppContext } from '../app-context';
import { getPipeline, getPipelineRevision } from './get-pipeline';
import { validateGraph } from './validate-graph';

/**
 * Deploy compiles the revision first, so a broken graph is refused with its errors. Running it needs the
 * pipeline workflow (orchestration issue), which does not exist yet: say so plainly instead of pretending.
 */
export async function requestDeployment(app: AppContext, pipelineId: string, revision: number | undefined): Promise<never> {
  const pipeline = await getPipeline(app, pipelineId);
  const target = revision ?? pipeline.latestRevision;
  const saved = await getPipelineRevision(app, pipelineId, target);
  const compiled = await validateGraph(app, saved.graph, { id: pipeline.id, name: pipeline.name, revision: target });
  if (!compiled.ok) throw new AppError('compile_failed', `Revision ${target} does not compile (${compiled.errors.length} problem(s)); fix them and save first`, compiled.errors);
  throw new AppError('dependency_unavailable', 'Deployment is not available yet: the pipeline workflow (Temporal orchestration) is not part of this version. The revision compiles.');
}

export async function requestStop(app: AppContext, pipelineId: string): Promise<never> {
  await getPipeline(app, pipelineId);
  throw new AppError('dependency_unavailable', 'Stopping is not available yet: nothing is deployed until the pipeline workflow exists.');
}
