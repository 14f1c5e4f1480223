import { describe, expect, it } from 'vitest';
import { planRestream, restreamAnnotations } from '../analyzer/restream-plan';
import { compilePipeline } from '../lib/pipeline/compile-pipeline';
import type { Roi } from '../lib/geometry/roi';
import type { AnalyzerAlgorithmSpec, AnalyzerSpec, SinkSpec } from '../lib/pipeline/pipeline-spec';

const zone: Roi = { id: 'zone', name: 'ZONE', kind: 'polygon', points: [[0, 0], [1, 0], [1, 1]] };
const door: Roi = { id: 'door', name: '', kind: 'line', points: [[0.5, 0], [0.5, 1]], direction: 'a-to-b' };
const server = { host: '127.0.0.1', rtmpPort: 31935 };
const algorithm = (algorithmNodeId: string, algorithmId: string, restreams: AnalyzerAlgorithmSpec['restreams']): AnalyzerAlgorithmSpec => ({
  algorithmNodeId, algorithmId, params: {}, minScore: 0, rules: [], restreams,
});
const analyzer = (algorithms: AnalyzerAlgorithmSpec[]): AnalyzerSpec => ({ cameraNodeId: 'c1', cameraId: 'cam_gate', cameraName: 'Gate', fps: 5, width: 640, height: 360, algorithms });
const restreamSink = (nodeId: string, config: Partial<{ bitrateKbps: number; drawRegions: boolean; drawLabels: boolean }> = {}): SinkSpec => ({
  nodeId, type: 'restream', config: { bitrateKbps: 1500, drawRegions: true, drawLabels: true, ...config },
});

describe('one annotated stream per analyzer', () => {
  it('is not planned when no algorithm feeds a restream', () => {
    expect(planRestream(analyzer([algorithm('a1', 'alg_motion', [])]), [], server)).toBeUndefined();
  });

  it('folds every restream sink of the camera into one stream, named after the first algorithm feeding one', () => {
    const plan = planRestream(
      analyzer([
        algorithm('a0', 'alg_face', []),
        algorithm('a1', 'alg_person', [{ sinkNodeId: 'live', roiNodeId: 'roi1', regions: [zone] }, { sinkNodeId: 'plain', roiNodeId: 'roi2', regions: [door] }]),
        algorithm('a2', 'alg_motion', [{ sinkNodeId: 'live', roiNodeId: 'roi1', regions: [zone] }, { sinkNodeId: 'live', roiNodeId: null, regions: [] }]),
      ]),
      [restreamSink('live', { bitrateKbps: 800, drawLabels: false }), restreamSink('plain', { bitrateKbps: 2500, drawRegions: false, drawLabels: false })],
      server,
    );
    // The highest bitrate; no labels (no sink asks); roi1 drawn once, roi2 not (its sink draws no regions).
    expect(plan).toEqual({ server, algorithmId: 'alg_person', maxBitrateKbps: 2500, drawLabels: false, algorithmNodeIds: ['a1', 'a2'], regions: [zone] });
  });

  it('draws the tracked objects of the algorithms feeding it, over its regions', () => {
    const plan = planRestream(analyzer([algorithm('a1', 'alg_person', [{ sinkNodeId: 'live', roiNodeId: 'roi1', regions: [zone] }])]), [restreamSink('live')], server)!;
    const person = { label: 'person', score: 0.9, box: { x: 10, y: 20, width: 30, height: 60 }, trackId: 4, firstSeen: 0 };
    const other = { ...person, label: 'face', trackId: 1 };
    expect(restreamAnnotations(plan, new Map([['a1', [person]], ['a0', [other]]]))).toEqual({
      objects: [{ box: person.box, label: 'person', score: 0.9, trackId: 4 }],
      rois: [zone],
    });
  });

  it('gets the regions of the ROI node on the way from the compiled pipeline', () => {
    const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
    const compiled = compilePipeline({
      pipeline: { id: 'pip_1', name: 'Gate', revision: 1 },
      catalog: {
        cameras: new Map([['cam_gate', { id: 'cam_gate', name: 'Gate' }]]),
        algorithms: new Map([['alg_person', { id: 'alg_person', name: 'person', version: '1.0.0', labels: ['person'], roiTypes: ['polygon', 'line'] }]]),
      },
      graph: {
        nodes: [node('c1', 'camera', { cameraId: 'cam_gate' }), node('a1', 'algorithm', { algorithmId: 'alg_person' }), node('r1', 'roi', { regions: [zone] }), node('live', 'restream', { drawLabels: false })],
        edges: [{ id: 'e1', source: 'c1', target: 'a1' }, { id: 'e2', source: 'a1', target: 'r1' }, { id: 'e3', source: 'r1', target: 'live' }],
      },
    });
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(planRestream(compiled.spec.analyzers[0]!, compiled.spec.sinks, server)).toEqual({
      server, algorithmId: 'alg_person', maxBitrateKbps: 1500, drawLabels: false, algorithmNodeIds: ['a1'], regions: [zone],
    });
  });
});
