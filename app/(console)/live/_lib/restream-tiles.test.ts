import { describe, expect, it } from 'vitest';
import type { PipelineGraph } from '@/lib/pipeline/graph-schema';
import { restreamCameraIds } from './restream-tiles';

const node = (id: string, type: PipelineGraph['nodes'][number]['type'], data: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('restreamCameraIds', () => {
  it('lists the cameras whose video reaches a restream through algorithms and ROIs, once each', () => {
    const graph: PipelineGraph = {
      nodes: [node('c1', 'camera', { cameraId: 'cam_a' }), node('c2', 'camera', { cameraId: 'cam_b' }), node('c3', 'camera', { cameraId: 'cam_a' }), node('r', 'roi'), node('m', 'algorithm'), node('live', 'restream'), node('cb', 'callback')],
      edges: [edge('c1', 'r'), edge('r', 'm'), edge('m', 'live'), edge('c2', 'cb'), edge('c3', 'm')],
    };
    expect(restreamCameraIds(graph)).toEqual(['cam_a']);
  });

  it('ignores camera nodes without a chosen camera and survives cycles', () => {
    const graph: PipelineGraph = {
      nodes: [node('c1', 'camera'), node('c2', 'camera', { cameraId: 'cam_b' }), node('a', 'algorithm'), node('b', 'algorithm')],
      edges: [edge('c1', 'a'), edge('c2', 'a'), edge('a', 'b'), edge('b', 'a')],
    };
    expect(restreamCameraIds(graph)).toEqual([]);
  });
});
