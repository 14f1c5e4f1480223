import { describe, expect, it } from 'vitest';
import { checkConnection, createConnectionChecker } from './connection-rules';

const nodes = [
  { id: 'cam', type: 'camera' },
  { id: 'alg', type: 'algorithm' },
  { id: 'roi-a', type: 'roi' },
  { id: 'roi-b', type: 'roi' },
  { id: 'rule', type: 'rule' },
  { id: 'hook', type: 'callback' },
];
const edges = [
  { source: 'cam', target: 'alg', sourceHandle: 'video', targetHandle: 'video' },
  { source: 'alg', target: 'roi-a', sourceHandle: 'detections', targetHandle: 'detections' },
  { source: 'roi-a', target: 'roi-b', sourceHandle: 'detections', targetHandle: 'detections' },
];
const check = createConnectionChecker({ nodes, edges });

describe('checkConnection', () => {
  it('accepts an output into an input of the same port type', () => {
    expect(check({ source: 'roi-b', sourceHandle: 'detections', target: 'rule', targetHandle: 'detections' })).toEqual({ ok: true });
    expect(check({ source: 'rule', sourceHandle: 'events', target: 'hook', targetHandle: 'events' })).toEqual({ ok: true });
  });

  it('refuses a port type mismatch and says which types', () => {
    expect(check({ source: 'cam', sourceHandle: 'video', target: 'rule', targetHandle: 'detections' })).toEqual({
      ok: false,
      reason: 'Refused: Camera "cam" sends video, but Rule "rule" takes detections.',
    });
  });

  it('refuses a connection that closes a cycle, naming the path', () => {
    expect(check({ source: 'roi-b', sourceHandle: 'detections', target: 'roi-a', targetHandle: 'detections' })).toEqual({
      ok: false,
      reason: 'Refused: it would make a cycle (roi-a → roi-b → roi-a).',
    });
  });

  it('refuses self-loops, duplicates and unknown ports', () => {
    expect(check({ source: 'roi-a', sourceHandle: 'detections', target: 'roi-a', targetHandle: 'detections' }).ok).toBe(false);
    expect(check({ source: 'cam', sourceHandle: 'video', target: 'alg', targetHandle: 'video' })).toEqual({ ok: false, reason: 'These two ports are already connected.' });
    expect(check({ source: 'cam', sourceHandle: 'audio', target: 'alg', targetHandle: 'video' }).ok).toBe(false);
    expect(checkConnection({ nodes, edges }, { source: 'ghost', target: 'alg' }).ok).toBe(false);
  });
});
