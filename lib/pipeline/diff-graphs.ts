import type { GraphNode, PipelineGraph } from './graph-schema';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What changed between two revisions, in words an operator reads: nodes, edges, and config fields. */
export interface GraphDiff {
  addedNodes: { id: string; type: string }[];
  removedNodes: { id: string; type: string }[];
  changedNodes: { id: string; type: string; changes: FieldChange[] }[];
  addedEdges: string[];
  removedEdges: string[];
  /** Nodes that only moved on the canvas: listed apart so they do not hide real changes. */
  movedNodes: string[];
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [key, item] of entries) flatten(item, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  // Arrays (regions, labels, points) compare as a whole: an index-by-index diff of polygons reads badly.
  out.set(prefix, value);
}

function configChanges(before: GraphNode, after: GraphNode): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before.data, '', a);
  flatten(after.data, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes = fields.filter((field) => JSON.stringify(a.get(field)) !== JSON.stringify(b.get(field))).map((field) => ({ field, before: a.get(field), after: b.get(field) }));
  if (before.type !== after.type) changes.unshift({ field: 'type', before: before.type, after: after.type });
  return changes;
}

const edgeKey = (edge: PipelineGraph['edges'][number]) => `${edge.source}${edge.sourceHandle ? `.${edge.sourceHandle}` : ''} → ${edge.target}${edge.targetHandle ? `.${edge.targetHandle}` : ''}`;

export function diffGraphs(before: PipelineGraph, after: PipelineGraph): GraphDiff {
  const oldNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const newNodes = new Map(after.nodes.map((node) => [node.id, node]));
  const summary = (node: GraphNode) => ({ id: node.id, type: node.type });
  const kept = after.nodes.filter((node) => oldNodes.has(node.id)).sort((x, y) => x.id.localeCompare(y.id));
  const oldEdges = new Set(before.edges.map(edgeKey));
  const newEdges = new Set(after.edges.map(edgeKey));
  return {
    addedNodes: after.nodes.filter((node) => !oldNodes.has(node.id)).map(summary).sort((x, y) => x.id.localeCompare(y.id)),
    removedNodes: before.nodes.filter((node) => !newNodes.has(node.id)).map(summary).sort((x, y) => x.id.localeCompare(y.id)),
    changedNodes: kept.map((node) => ({ ...summary(node), changes: configChanges(oldNodes.get(node.id)!, node) })).filter((node) => node.changes.length > 0),
    addedEdges: [...newEdges].filter((key) => !oldEdges.has(key)).sort(),
    removedEdges: [...oldEdges].filter((key) => !newEdges.has(key)).sort(),
    movedNodes: kept.filter((node) => JSON.stringify(node.position) !== JSON.stringify(oldNodes.get(node.id)!.position)).map((node) => node.id),
  };
}
