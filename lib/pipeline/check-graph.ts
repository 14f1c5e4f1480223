import type { CompileError } from './compile-error';
import { describe, reachable, type Adjacency } from './graph-analysis';
import type { GraphNode, PipelineGraph } from './graph-schema';
import { nodeRegistry, type NodeConfig } from './node-registry';
import type { CompileCatalog } from './pipeline-spec';

export type ConfigById = ReadonlyMap<string, unknown>;

/** Nodes with no edge at all, inputs nobody feeds, outputs that go nowhere (judged on all drawn edges). */
export function checkConnectivity(graph: PipelineGraph): CompileError[] {
  const errors: CompileError[] = [];
  for (const node of graph.nodes) {
    const ports = nodeRegistry[node.type].ports;
    const hasIncoming = graph.edges.some((edge) => edge.target === node.id);
    const hasOutgoing = graph.edges.some((edge) => edge.source === node.id);
    if (!hasIncoming && !hasOutgoing) {
      errors.push({ code: 'dangling_node', nodeId: node.id, message: `${describe(node)} is not connected to anything` });
      continue;
    }
    if (ports.inputs.length > 0 && !hasIncoming) {
      errors.push({ code: 'missing_input', nodeId: node.id, message: `${describe(node)} needs an input (${ports.inputs.map((p) => p.type).join(' or ')})` });
    }
    if (ports.outputs.length > 0 && !hasOutgoing) {
      errors.push({ code: 'unused_output', nodeId: node.id, message: `${describe(node)}'s ${ports.outputs.map((p) => p.type).join('/')} output goes nowhere` });
    }
  }
  return errors;
}

/** Cameras and algorithms the nodes name must exist. */
export function checkReferences(nodes: GraphNode[], configs: ConfigById, catalog: CompileCatalog): CompileError[] {
  const errors: CompileError[] = [];
  for (const node of nodes) {
    const config = configs.get(node.id);
    if (!config) continue;
    if (node.type === 'camera' && !catalog.cameras.has((config as NodeConfig<'camera'>).cameraId)) {
      errors.push({ code: 'unknown_camera', nodeId: node.id, field: 'cameraId', message: `${describe(node)} refers to camera "${(config as NodeConfig<'camera'>).cameraId}", which does not exist` });
    }
    if (node.type === 'algorithm' && !catalog.algorithms.has((config as NodeConfig<'algorithm'>).algorithmId)) {
      errors.push({ code: 'unknown_algorithm', nodeId: node.id, field: 'algorithmId', message: `${describe(node)} refers to algorithm "${(config as NodeConfig<'algorithm'>).algorithmId}", which is not registered` });
    }
  }
  return errors;
}

/** Rules and ROIs downstream of an algorithm must fit it: labels it reports, region kinds it accepts. */
export function checkAgainstAlgorithms(nodes: GraphNode[], adjacency: Adjacency, configs: ConfigById, catalog: CompileCatalog): CompileError[] {
  const errors: CompileError[] = [];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const node of nodes) {
    if (node.type !== 'algorithm') continue;
    const algorithm = catalog.algorithms.get((configs.get(node.id) as NodeConfig<'algorithm'> | undefined)?.algorithmId ?? '');
    if (!algorithm) continue;
    for (const downstreamId of [...reachable(node.id, adjacency.outgoing)].sort()) {
      const downstream = byId.get(downstreamId)!;
      const config = configs.get(downstreamId);
      if (!config) continue;
      if (downstream.type === 'roi') {
        (config as NodeConfig<'roi'>).regions.forEach((region, index) => {
          if (!algorithm.roiTypes.includes(region.kind)) {
            errors.push({
              code: 'roi_kind_not_supported',
              nodeId: downstreamId,
              field: `regions.${index}.kind`,
              message: `region "${region.id}" is a ${region.kind}, but ${algorithm.name} ${algorithm.version} accepts ${algorithm.roiTypes.length ? algorithm.roiTypes.join(', ') : 'no regions'}`,
            });
          }
        });
      }
      if (downstream.type === 'rule') {
        (config as NodeConfig<'rule'>).labels.forEach((label, index) => {
          if (!algorithm.labels.includes(label)) {
            errors.push({ code: 'unknown_label', nodeId: downstreamId, field: `labels.${index}`, message: `label "${label}" is not reported by ${algorithm.name} ${algorithm.version} (it reports ${algorithm.labels.join(', ')})` });
          }
        });
      }
    }
  }
  return errors;
}

/** Sinks must have an algorithm upstream; an ROI must not follow another ROI (one ROI node holds several regions). */
export function checkUpstream(nodes: GraphNode[], adjacency: Adjacency): CompileError[] {
  const errors: CompileError[] = [];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const node of nodes) {
    const incoming = adjacency.incoming.get(node.id) ?? [];
    if (incoming.length === 0) continue;
    const upstream = [...reachable(node.id, adjacency.incoming)].map((id) => byId.get(id)!);
    if (nodeRegistry[node.type].category === 'sink' && !upstream.some((up) => up.type === 'algorithm')) {
      errors.push({ code: 'sink_without_algorithm', nodeId: node.id, message: `${describe(node)} has no algorithm upstream: nothing would ever reach it` });
    }
    const previousRoi = upstream.find((up) => up.type === 'roi');
    if (node.type === 'roi' && previousRoi) {
      errors.push({ code: 'roi_chain', nodeId: node.id, message: `${describe(node)} follows ${describe(previousRoi)}: put all regions of a path in one ROI node` });
    }
  }
  return errors;
}
