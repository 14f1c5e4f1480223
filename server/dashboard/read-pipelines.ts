import type { WorkloadHealthView } from '../../lib/pipeline/deployment';
import type { AppContext } from '../app-context';
import { cameraNodesOfGraph } from './graph-cameras';
import { pipelineStateOf, type PipelineLive, type PipelineStateView } from './pipeline-state';
import { errorMessage, mapLimited, withTimeout } from './with-timeout';

export interface PipelineReading {
  id: string;
  name: string;
  desiredState: 'running' | 'stopped';
  view: PipelineStateView;
  /** Cameras the deployed (or about to be deployed) revision runs on. */
  cameraIds: string[];
  /** The analyzers the workflow reported, with the camera each reads. */
  analyzers: { cameraId: string; workload: WorkloadHealthView }[];
}

export interface PipelinesReading {
  total: number;
  /** Pipelines neither deployed nor meant to run: stopped, not asked. */
  idle: number;
  items: PipelineReading[];
}

export interface ReadPipelinesOptions {
  /** Most pipelines asked (deployed ones, by name). */
  limit?: number;
  /** Per pipeline status query. */
  timeoutMs?: number;
  concurrency?: number;
}

/**
 * Deployed pipelines and what their workflows answer to the status query, a few at a time and each within a short
 * timeout; a pipeline whose query fails is kept, in state unknown with the reason. Stopped pipelines are not asked.
 */
export async function readPipelines(app: AppContext, { limit = 200, timeoutMs = 3000, concurrency = 8 }: ReadPipelinesOptions = {}): Promise<PipelinesReading> {
  const { count } = await app.db.selectFrom('pipelines').select((eb) => eb.fn.countAll<number | string>().as('count')).executeTakeFirstOrThrow();
  const rows = await app.db
    .selectFrom('pipelines')
    .select(['id', 'name', 'desired_state', 'deployed_revision', 'latest_revision'])
    .where((eb) => eb.or([eb('desired_state', '=', 'running'), eb('deployed_revision', 'is not', null)]))
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
  const revisions = rows.map((row) => ({ id: row.id, revision: row.deployed_revision ?? row.latest_revision }));
  const graphs = revisions.length
    ? await app.db
        .selectFrom('pipeline_revisions')
        .select(['pipeline_id', 'graph'])
        .where((eb) => eb.or(revisions.map(({ id, revision }) => eb.and([eb('pipeline_id', '=', id), eb('revision', '=', revision)]))))
        .execute()
    : [];
  const cameraNodes = new Map(graphs.map((row) => [row.pipeline_id, cameraNodesOfGraph(row.graph)]));
  const items = await mapLimited(rows, concurrency, async (row): Promise<PipelineReading> => {
    const live: PipelineLive = await withTimeout(app.workflows.pipelineStatus({ pipelineId: row.id }), timeoutMs, `the status query of pipeline ${row.id}`).catch((error: unknown) => ({ error: errorMessage(error) }));
    const view = pipelineStateOf(row.desired_state, row.deployed_revision, live);
    const nodes = cameraNodes.get(row.id) ?? new Map<string, string>();
    const analyzers = view.workloads.flatMap((workload) => {
      const cameraId = workload.kind === 'analyzer' ? nodes.get(workload.serves) : undefined;
      return cameraId ? [{ cameraId, workload }] : [];
    });
    return { id: row.id, name: row.name, desiredState: row.desired_state, view, cameraIds: [...new Set(nodes.values())], analyzers };
  });
  return { total: Number(count), idle: Number(count) - rows.length, items };
}
