import type { FlowGraph, PipelineFlowNode } from '../_lib/flow-graph';

/** The camera node feeding a node (through algorithms), nearest first: its frame is what regions are drawn on. */
export function findUpstreamCamera(graph: FlowGraph, nodeId: string): PipelineFlowNode | undefined {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const queue = [nodeId];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const current = queue.shift()!;
    const node = byId.get(current);
    if (node?.type === 'camera' && current !== nodeId) return node;
    for (const edge of graph.edges) {
      if (edge.target !== current || seen.has(edge.source)) continue;
      seen.add(edge.source);
      queue.push(edge.source);
    }
  }
  return undefined;
}
