import { describe, expect, it } from 'vitest';
import type { PipelineGraph } from '@/lib/pipeline/graph-schema';
import { compileKey, edgeIdFor, toFlowGraph, toPipelineGraph } from './flow-graph';

const graph: PipelineGraph = {
  nodes: [
    { id: 'camera-1', type: 'camera', position: { x: 10, y: 20 }, data: { cameraId: 'cam_a' } },
    { id: 'algorithm-1', type: 'algorithm', position: { x: 300, y: 20 }, data: { algorithmId: 'alg_a' } },
  ],
  edges: [{ id: 'e-camera-1.video-algorithm-1.video', source: 'camera-1', target: 'algorithm-1', sourceHandle: 'video', targetHandle: 'video' }],
};

describe('flow graph conversion', () => {
  it('round-trips a stored graph through the canvas shape', () => {
    const flow = toFlowGraph(graph);
    expect(toPipelineGraph(flow.nodes, flow.edges)).toEqual(graph);
  });

  it('rounds positions and drops canvas-only state', () => {
    const flow = toFlowGraph(graph);
    const moved = flow.nodes.map((node) => ({ ...node, position: { x: node.position.x + 0.4, y: node.position.y + 0.6 }, selected: true, measured: { width: 180, height: 60 } }));
    expect(toPipelineGraph(moved, flow.edges).nodes.map((node) => node.position)).toEqual([{ x: 10, y: 21 }, { x: 300, y: 21 }]);
  });

  it('ignores positions in the compile key and names edges by their ports', () => {
    const flow = toFlowGraph(graph);
    const moved = flow.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } }));
    expect(compileKey(moved, flow.edges)).toBe(compileKey(flow.nodes, flow.edges));
    expect(edgeIdFor({ source: 'camera-1', sourceHandle: 'video', target: 'algorithm-1', targetHandle: 'video' })).toBe(graph.edges[0]!.id);
  });
});
