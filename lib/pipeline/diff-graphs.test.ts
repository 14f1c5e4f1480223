import { describe, expect, it } from 'vitest';
import { diffGraphs } from './diff-graphs';
import type { PipelineGraph } from './graph-schema';

const before: PipelineGraph = {
  nodes: [
    { id: 'c1', type: 'camera', position: { x: 0, y: 0 }, data: { cameraId: 'cam_a', fps: 5 } },
    { id: 'a1', type: 'algorithm', position: { x: 200, y: 0 }, data: { algorithmId: 'alg_p', params: { threshold: 0.4 } } },
    { id: 'old', type: 'websocket', position: { x: 400, y: 0 }, data: {} },
  ],
  edges: [{ id: 'e1', source: 'c1', target: 'a1' }, { id: 'e2', source: 'a1', target: 'old' }],
};

describe('diffGraphs', () => {
  it('lists added, removed and changed nodes and edges, with field-level config changes', () => {
    const after: PipelineGraph = {
      nodes: [
        { id: 'c1', type: 'camera', position: { x: 50, y: 0 }, data: { cameraId: 'cam_a', fps: 10 } },
        { id: 'a1', type: 'algorithm', position: { x: 200, y: 0 }, data: { algorithmId: 'alg_p', params: { threshold: 0.6, nms: 0.5 } } },
        { id: 'cb', type: 'callback', position: { x: 400, y: 0 }, data: { url: 'https://x' } },
      ],
      edges: [{ id: 'e1', source: 'c1', target: 'a1' }, { id: 'e3', source: 'a1', target: 'cb' }],
    };
    expect(diffGraphs(before, after)).toEqual({
      addedNodes: [{ id: 'cb', type: 'callback' }],
      removedNodes: [{ id: 'old', type: 'websocket' }],
      changedNodes: [
        { id: 'a1', type: 'algorithm', changes: [{ field: 'params.nms', before: undefined, after: 0.5 }, { field: 'params.threshold', before: 0.4, after: 0.6 }] },
        { id: 'c1', type: 'camera', changes: [{ field: 'fps', before: 5, after: 10 }] },
      ],
      addedEdges: ['a1 → cb'],
      removedEdges: ['a1 → old'],
      movedNodes: ['c1'],
    });
  });

  it('finds nothing between a graph and itself, even with new edge ids', () => {
    const same = { ...before, edges: before.edges.map((edge, i) => ({ ...edge, id: `renamed-${i}` })) };
    expect(diffGraphs(before, same)).toEqual({ addedNodes: [], removedNodes: [], changedNodes: [], addedEdges: [], removedEdges: [], movedNodes: [] });
  });
});
