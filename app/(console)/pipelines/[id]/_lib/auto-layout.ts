import dagre from '@dagrejs/dagre';
import type { PipelineFlowEdge, PipelineFlowNode } from './flow-graph';

const fallbackSize = { width: 200, height: 70 };

/** Left-to-right layered layout (sources left, sinks right) with dagre, using each node's measured size. */
export function layOutLeftToRight(nodes: readonly PipelineFlowNode[], edges: readonly PipelineFlowEdge[]): PipelineFlowNode[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 60, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) {
    graph.setNode(node.id, { width: node.measured?.width ?? fallbackSize.width, height: node.measured?.height ?? fallbackSize.height });
  }
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    // dagre gives centres; React Flow positions are top-left corners.
    return { ...node, position: { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) } };
  });
}
