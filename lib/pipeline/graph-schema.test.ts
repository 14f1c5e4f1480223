import { describe, expect, it } from 'vitest';
import { graphReferences, pipelineGraphSchema } from './graph-schema';

const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({ id, type, position: { x: 0, y: 0 }, data });

describe('pipelineGraphSchema', () => {
  it('accepts a camera → algorithm → callback chain', () => {
    const graph = {
      nodes: [node('cam1', 'camera', { cameraId: 'cam_a' }), node('alg1', 'algorithm', { algorithmId: 'alg_b' }), node('cb', 'callback')],
      edges: [{ id: 'e1', source: 'cam1', target: 'alg1' }, { id: 'e2', source: 'alg1', target: 'cb' }],
    };
    const parsed = pipelineGraphSchema.parse(graph);
    expect(graphReferences(parsed)).toEqual({ cameraIds: ['cam_a'], algorithmIds: ['alg_b'] });
  });

  it('names duplicate node ids and dangling edge ends', () => {
    const result = pipelineGraphSchema.safeParse({
      nodes: [node('a', 'camera'), node('a', 'algorithm')],
      edges: [{ id: 'e1', source: 'a', target: 'ghost' }],
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toContain('nodes.1.id: duplicate node id "a"');
    expect(messages).toContain('edges.0.target: edge e1 refers to unknown node "ghost"');
  });

  it('rejects unknown node types and unknown fields', () => {
    expect(pipelineGraphSchema.safeParse({ nodes: [node('a', 'teleporter')], edges: [] }).success).toBe(false);
    expect(pipelineGraphSchema.safeParse({ nodes: [], edges: [], extra: 1 }).success).toBe(false);
  });
});
