import { describe, expect, it } from 'vitest';
import { cameraNodesOfGraph } from './graph-cameras';

describe('cameraNodesOfGraph', () => {
  it('maps camera nodes to their cameras and ignores other nodes', () => {
    const graph = JSON.stringify({ nodes: [{ id: 'c1', type: 'camera', data: { cameraId: 'cam_1' } }, { id: 'a1', type: 'algorithm', data: { algorithmId: 'alg_1' } }, { id: 'c2', type: 'camera', data: {} }], edges: [] });
    expect([...cameraNodesOfGraph(graph)]).toEqual([['c1', 'cam_1']]);
  });

  it('names no camera for a graph that is not JSON', () => {
    expect(cameraNodesOfGraph('{').size).toBe(0);
  });
});
