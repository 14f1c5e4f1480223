import type { CompileError } from './compile-error';
import { checkAgainstAlgorithms, checkConnectivity, checkReferences, checkUpstream } from './check-graph';
import { buildAdjacency, describe, findCycles, resolveEdges, type Adjacency } from './graph-analysis';
import { pipelineGraphSchema, type GraphNode } from './graph-schema';
import { nodeRegistry, type NodeConfig } from './node-registry';
import type { AnalyzerAlgorithmSpec, CompileCatalog, PipelineSpec, RuleSpec, SinkSpec } from './pipeline-spec';

export type CompileResult = { ok: true; spec: PipelineSpec } | { ok: false; errors: CompileError[] };

export interface CompileInput {
  graph: unknown;
  pipeline: { id: string; name: string; revision: number };
  catalog: CompileCatalog;
}

/** Graph → PipelineSpec, or every error found, each naming its node or edge. Pure and deterministic. */
export function compilePipeline(input: CompileInput): CompileResult {
  const parsed = pipelineGraphSchema.safeParse(input.graph);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => structuralError(issue, input.graph)) };
  const graph = parsed.data;
  if (graph.nodes.length === 0) return { ok: false, errors: [{ code: 'empty_pipeline', message: 'The pipeline has no nodes: start with a camera' }] };

  const errors: CompileError[] = [];
  const configs = new Map<string, unknown>();
  for (const node of graph.nodes) {
    const result = nodeRegistry[node.type].config.safeParse(node.data);
    if (result.success) configs.set(node.id, result.data);
    else
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.');
        errors.push({ code: 'invalid_config', nodeId: node.id, ...(field ? { field } : {}), message: `${describe(node)}: ${field ? `${field}: ` : ''}${issue.message}` });
      }
  }
  const resolved = resolveEdges(graph);
  errors.push(...resolved.errors);
  const adjacency = buildAdjacency(graph.nodes.map((node) => node.id), resolved.edges);
  const cycles = findCycles(graph.nodes.map((node) => node.id), adjacency);
  for (const cycle of cycles) errors.push({ code: 'cycle', nodeId: cycle[0], message: `Nodes ${cycle.map((id) => `"${id}"`).join(', ')} form a cycle` });
  // Reachability below assumes a DAG; with a cycle, the other checks would only repeat it.
  if (cycles.length > 0) return { ok: false, errors };

  errors.push(...checkConnectivity(graph), ...checkReferences(graph.nodes, configs, input.catalog), ...checkUpstream(graph.nodes, adjacency));
  errors.push(...checkAgainstAlgorithms(graph.nodes, adjacency, configs, input.catalog));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, spec: buildSpec(graph.nodes, adjacency, configs, input) };
}

function structuralError(issue: { path: PropertyKey[]; message: string }, raw: unknown): CompileError {
  const [collection, index] = issue.path;
  const items = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[String(collection)] : undefined;
  const item = Array.isArray(items) && typeof index === 'number' ? (items[index] as { id?: unknown } | undefined) : undefined;
  const id = typeof item?.id === 'string' ? item.id : undefined;
  const where = id ? { [collection === 'edges' ? 'edgeId' : 'nodeId']: id } : {};
  return { code: 'invalid_graph', ...where, message: `${issue.path.map(String).join('.') || 'graph'}: ${issue.message}` };
}

function buildSpec(nodes: GraphNode[], adjacency: Adjacency, configs: Map<string, unknown>, input: CompileInput): PipelineSpec {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const config = <T extends GraphNode['type']>(id: string) => configs.get(id) as NodeConfig<T>;
  const targets = (id: string, type: GraphNode['type']) => (adjacency.outgoing.get(id) ?? []).filter((next) => byId.get(next)!.type === type);
  const sortedIds = (type: GraphNode['type']) => nodes.filter((node) => node.type === type).map((node) => node.id).sort();

  const rule = (ruleNodeId: string, roiNodeId: string | null): RuleSpec => {
    const roi = roiNodeId ? config<'roi'>(roiNodeId) : undefined;
    const sinkNodeIds = (adjacency.outgoing.get(ruleNodeId) ?? []).filter((id) => nodeRegistry[byId.get(id)!.type].category === 'sink');
    return { ruleNodeId, roiNodeId, regions: roi?.regions ?? [], anchor: roi?.anchor ?? 'bottom-center', sinkNodeIds, ...config<'rule'>(ruleNodeId) };
  };

  const analyzerAlgorithm = (algorithmNodeId: string): AnalyzerAlgorithmSpec => {
    const { algorithmId, params, minScore } = config<'algorithm'>(algorithmNodeId);
    const rules = targets(algorithmNodeId, 'rule').map((id) => rule(id, null));
    const restreams: AnalyzerAlgorithmSpec['restreams'] = targets(algorithmNodeId, 'restream').map((sinkNodeId) => ({ sinkNodeId, roiNodeId: null, regions: [] }));
    for (const roiNodeId of targets(algorithmNodeId, 'roi')) {
      rules.push(...targets(roiNodeId, 'rule').map((id) => rule(id, roiNodeId)));
      restreams.push(...targets(roiNodeId, 'restream').map((sinkNodeId) => ({ sinkNodeId, roiNodeId, regions: config<'roi'>(roiNodeId).regions })));
    }
    const order = (a: { roiNodeId: string | null }, b: { roiNodeId: string | null }) => (a.roiNodeId ?? '').localeCompare(b.roiNodeId ?? '');
    rules.sort((a, b) => a.ruleNodeId.localeCompare(b.ruleNodeId) || order(a, b));
    restreams.sort((a, b) => a.sinkNodeId.localeCompare(b.sinkNodeId) || order(a, b));
    return { algorithmNodeId, algorithmId, params, minScore, rules, restreams };
  };

  const analyzers = sortedIds('camera').map((cameraNodeId) => {
    const camera = config<'camera'>(cameraNodeId);
    return {
      cameraNodeId,
      cameraId: camera.cameraId,
      cameraName: input.catalog.cameras.get(camera.cameraId)!.name,
      fps: camera.fps,
      width: camera.width,
      height: camera.height,
      algorithms: targets(cameraNodeId, 'algorithm').map(analyzerAlgorithm),
    };
  });

  const algorithmIds = [...new Set(sortedIds('algorithm').map((id) => config<'algorithm'>(id).algorithmId))].sort();
  const algorithms = algorithmIds.map((algorithmId) => {
    const { id, name, version } = input.catalog.algorithms.get(algorithmId)!;
    return { algorithmId: id, name, version };
  });

  const sinks = nodes
    .filter((node) => nodeRegistry[node.type].category === 'sink')
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((node) => ({ nodeId: node.id, type: node.type, config: configs.get(node.id) }) as SinkSpec);

  return { version: 1, pipeline: input.pipeline, algorithms, analyzers, sinks };
}
