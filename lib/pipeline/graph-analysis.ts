import type { GraphNode, PipelineGraph } from './graph-schema';
import { nodeRegistry } from './node-registry';
import type { PortSpec } from './ports';
import type { CompileError } from './compile-error';

export interface ResolvedEdge {
  id: string;
  source: string;
  target: string;
  sourcePort: PortSpec;
  targetPort: PortSpec;
}

/** A handle names a port; without one, a node's only port on that side is meant. */
function resolvePort(ports: PortSpec[], handle: string | null | undefined): PortSpec | undefined {
  if (handle) return ports.find((port) => port.name === handle);
  return ports.length === 1 ? ports[0] : undefined;
}

/** Checks each edge's ports: both ends must exist and carry the same type (video → detections → events). */
export function resolveEdges(graph: PipelineGraph): { edges: ResolvedEdge[]; errors: CompileError[] } {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const edges: ResolvedEdge[] = [];
  const errors: CompileError[] = [];
  for (const edge of graph.edges) {
    const source = nodes.get(edge.source) as GraphNode;
    const target = nodes.get(edge.target) as GraphNode;
    const sourceDefinition = nodeRegistry[source.type];
    const targetDefinition = nodeRegistry[target.type];
    const sourcePort = resolvePort(sourceDefinition.ports.outputs, edge.sourceHandle);
    const targetPort = resolvePort(targetDefinition.ports.inputs, edge.targetHandle);
    if (!sourcePort) {
      errors.push({ code: 'unknown_port', edgeId: edge.id, nodeId: source.id, message: `${describe(source)} has no output${edge.sourceHandle ? ` "${edge.sourceHandle}"` : 's'}` });
      continue;
    }
    if (!targetPort) {
      errors.push({ code: 'unknown_port', edgeId: edge.id, nodeId: target.id, message: `${describe(target)} has no input${edge.targetHandle ? ` "${edge.targetHandle}"` : 's'}` });
      continue;
    }
    if (sourcePort.type !== targetPort.type) {
      errors.push({
        code: 'port_mismatch',
        edgeId: edge.id,
        nodeId: target.id,
        message: `${describe(source)} outputs ${sourcePort.type} but ${describe(target)} takes ${targetPort.type}`,
      });
      continue;
    }
    edges.push({ id: edge.id, source: source.id, target: target.id, sourcePort, targetPort });
  }
  return { edges, errors };
}

export function describe(node: GraphNode): string {
  return `${nodeRegistry[node.type].label} node "${node.id}"`;
}

export interface Adjacency {
  outgoing: Map<string, string[]>;
  incoming: Map<string, string[]>;
}

export function buildAdjacency(nodeIds: string[], edges: ResolvedEdge[]): Adjacency {
  const outgoing = new Map(nodeIds.map((id) => [id, [] as string[]]));
  const incoming = new Map(nodeIds.map((id) => [id, [] as string[]]));
  for (const edge of edges) {
    outgoing.get(edge.source)!.push(edge.target);
    incoming.get(edge.target)!.push(edge.source);
  }
  for (const list of [...outgoing.values(), ...incoming.values()]) list.sort();
  return { outgoing, incoming };
}

/** Strongly connected components with more than one node, or a node with an edge to itself: the cycles. */
export function findCycles(nodeIds: string[], adjacency: Adjacency): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (id: string): void => {
    indices.set(id, index);
    lowLinks.set(id, index);
    index += 1;
    stack.push(id);
    onStack.add(id);
    for (const next of adjacency.outgoing.get(id) ?? []) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(id, Math.min(lowLinks.get(id)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) {
        lowLinks.set(id, Math.min(lowLinks.get(id)!, indices.get(next)!));
      }
    }
    if (lowLinks.get(id) === indices.get(id)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== id);
      const selfLoop = component.length === 1 && (adjacency.outgoing.get(id) ?? []).includes(id);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const id of [...nodeIds].sort()) if (!indices.has(id)) visit(id);
  return cycles;
}

/** Every node reachable from `start` following `direction` (not including start). */
export function reachable(start: string, links: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const queue = [...(links.get(start) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(links.get(id) ?? []));
  }
  return seen;
}
