import { z } from 'zod';

/** Node types of DESIGN.md §4.4. Each type's own config schema and the compiler come with the builder issue. */
export const nodeTypes = ['camera', 'algorithm', 'roi', 'rule', 'callback', 'websocket', 'restream', 'record'] as const;
export type NodeType = (typeof nodeTypes)[number];

const nodeId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

export const graphNodeSchema = z.strictObject({
  id: nodeId,
  type: z.enum(nodeTypes),
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
  data: z.record(z.string(), z.unknown()).default({}),
});

// Editors generate edge ids from node and handle names (React Flow: `xy-edge__a-b`): any visible ASCII.
const edgeId = z.string().min(1).max(200).regex(/^[\x21-\x7E]+$/, 'visible ASCII characters, no spaces');

export const graphEdgeSchema = z.strictObject({
  id: edgeId,
  source: nodeId,
  target: nodeId,
  sourceHandle: z.string().max(64).nullish(),
  targetHandle: z.string().max(64).nullish(),
});

/** Structural checks only: unique ids and edges that join existing nodes. */
export const pipelineGraphSchema = z
  .strictObject({
    nodes: z.array(graphNodeSchema).max(500),
    edges: z.array(graphEdgeSchema).max(2000),
  })
  .superRefine((graph, ctx) => {
    const ids = new Set<string>();
    graph.nodes.forEach((node, index) => {
      if (ids.has(node.id)) ctx.addIssue({ code: 'custom', path: ['nodes', index, 'id'], message: `duplicate node id "${node.id}"` });
      ids.add(node.id);
    });
    const edgeIds = new Set<string>();
    graph.edges.forEach((edge, index) => {
      if (edgeIds.has(edge.id)) ctx.addIssue({ code: 'custom', path: ['edges', index, 'id'], message: `duplicate edge id "${edge.id}"` });
      edgeIds.add(edge.id);
      for (const end of ['source', 'target'] as const) {
        if (!ids.has(edge[end])) ctx.addIssue({ code: 'custom', path: ['edges', index, end], message: `edge ${edge.id} refers to unknown node "${edge[end]}"` });
      }
    });
  });

export type PipelineGraph = z.infer<typeof pipelineGraphSchema>;
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const emptyGraph: PipelineGraph = { nodes: [], edges: [] };

/** Ids of cameras and algorithms a graph refers to (camera nodes hold data.cameraId, algorithm nodes data.algorithmId). */
export function graphReferences(graph: PipelineGraph): { cameraIds: string[]; algorithmIds: string[] } {
  const pick = (type: NodeType, key: string) =>
    graph.nodes.filter((node) => node.type === type).map((node) => node.data[key]).filter((value): value is string => typeof value === 'string');
  return { cameraIds: pick('camera', 'cameraId'), algorithmIds: pick('algorithm', 'algorithmId') };
}
