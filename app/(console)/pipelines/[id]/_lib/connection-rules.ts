import type { NodeType } from '@/lib/pipeline/graph-schema';
import { nodeRegistry } from '@/lib/pipeline/node-registry';
import { message, type CanvasText } from './canvas-text';
import { nodeLabel, portTypeName } from './node-summary';

export interface ProposedConnection {
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

interface GraphShape {
  nodes: readonly { id: string; type?: string }[];
  edges: readonly { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }[];
}

/** A refusal says why, in the reader's language (see canvas-text.ts). */
export type ConnectionCheck = { ok: true } | { ok: false; reason: CanvasText };

/**
 * The checks the canvas makes while a connection is drawn: ports exist, types match, no duplicate, no cycle.
 * The lookups are built once per graph, so checking every candidate (the inspector's connect list) stays cheap.
 */
export function createConnectionChecker(graph: GraphShape): (connection: ProposedConnection) => ConnectionCheck {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const outgoing = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const targets = outgoing.get(edge.source);
    if (targets) targets.push(edge.target);
    else outgoing.set(edge.source, [edge.target]);
  }
  return (connection) => {
    const source = byId.get(connection.source);
    const target = byId.get(connection.target);
    if (!source?.type || !target?.type) return { ok: false, reason: message('rules.bothEnds') };
    if (source.id === target.id) return { ok: false, reason: message('rules.selfLoop') };
    const sourceDefinition = nodeRegistry[source.type as NodeType];
    const targetDefinition = nodeRegistry[target.type as NodeType];
    const output = sourceDefinition.ports.outputs.find((port) => port.name === connection.sourceHandle) ?? (connection.sourceHandle ? undefined : sourceDefinition.ports.outputs[0]);
    const input = targetDefinition.ports.inputs.find((port) => port.name === connection.targetHandle) ?? (connection.targetHandle ? undefined : targetDefinition.ports.inputs[0]);
    if (!output) return { ok: false, reason: message('rules.noOutput', { node: nodeLabel(sourceDefinition.type), id: source.id }) };
    if (!input) return { ok: false, reason: message('rules.noInput', { node: nodeLabel(targetDefinition.type), id: target.id }) };
    if (output.type !== input.type) {
      const values = { source: nodeLabel(sourceDefinition.type), sourceId: source.id, sent: portTypeName(output.type), target: nodeLabel(targetDefinition.type), targetId: target.id, taken: portTypeName(input.type) };
      return { ok: false, reason: message('rules.portMismatch', values) };
    }
    const duplicate = graph.edges.some(
      (edge) => edge.source === source.id && edge.target === target.id && (edge.sourceHandle ?? null) === (connection.sourceHandle ?? null) && (edge.targetHandle ?? null) === (connection.targetHandle ?? null),
    );
    if (duplicate) return { ok: false, reason: message('rules.duplicate') };
    const path = findPath(outgoing, target.id, source.id);
    if (path) return { ok: false, reason: message('rules.cycle', { path: [...path, target.id].join(' → ') }) };
    return { ok: true };
  };
}

export function checkConnection(graph: GraphShape, connection: ProposedConnection): ConnectionCheck {
  return createConnectionChecker(graph)(connection);
}

/** A path from `from` to `to` along existing edges (breadth-first), or null. */
function findPath(outgoing: ReadonlyMap<string, string[]>, from: string, to: string): string[] | null {
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === to) {
      const path = [current];
      while (previous.has(path[0]!)) path.unshift(previous.get(path[0]!)!);
      return path;
    }
    for (const next of outgoing.get(current) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, current);
      queue.push(next);
    }
  }
  return null;
}
