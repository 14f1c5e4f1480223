import type { Edge, Node } from '@xyflow/react';
import type { NodeType, PipelineGraph } from '@/lib/pipeline/graph-schema';

/** React Flow's view of a pipeline node: the node's config is its `data`, its type picks the component. */
export type PipelineFlowNode = Node<Record<string, unknown>, NodeType>;
export type PipelineFlowEdge = Edge;

export interface FlowGraph {
  nodes: PipelineFlowNode[];
  edges: PipelineFlowEdge[];
}

export function toFlowGraph(graph: PipelineGraph): FlowGraph {
  return {
    nodes: graph.nodes.map((node) => ({ id: node.id, type: node.type, position: { ...node.position }, data: node.data })),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle ?? null,
      targetHandle: edge.targetHandle ?? null,
    })),
  };
}

/** Back to the stored shape; positions are rounded so that a one-pixel nudge does not clutter revision diffs. */
export function toPipelineGraph(nodes: readonly PipelineFlowNode[], edges: readonly PipelineFlowEdge[]): PipelineGraph {
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      type: node.type as NodeType,
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
      data: node.data,
    })),
    edges: edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      ...(edge.sourceHandle ? { sourceHandle: edge.sourceHandle } : {}),
      ...(edge.targetHandle ? { targetHandle: edge.targetHandle } : {}),
    })),
  };
}

/** What the compiler looks at: positions and selection left out, so dragging a node does not re-validate. */
export function compileKey(nodes: readonly PipelineFlowNode[], edges: readonly PipelineFlowEdge[]): string {
  return JSON.stringify({
    nodes: nodes.map((node) => [node.id, node.type, node.data]),
    edges: edges.map((edge) => [edge.id, edge.source, edge.sourceHandle, edge.target, edge.targetHandle]),
  });
}

export function edgeIdFor(connection: { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }): string {
  return `e-${connection.source}.${connection.sourceHandle ?? 'out'}-${connection.target}.${connection.targetHandle ?? 'in'}`;
}
