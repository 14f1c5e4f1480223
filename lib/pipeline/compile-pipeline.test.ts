import { describe, expect, it } from 'vitest';
import { compilePipeline, type CompileResult } from './compile-pipeline';
import type { CompileCatalog, PipelineSpec } from './pipeline-spec';

const catalog: CompileCatalog = {
  cameras: new Map([
    ['cam_gate', { id: 'cam_gate', name: 'Gate' }],
    ['cam_dock', { id: 'cam_dock', name: 'Dock' }],
  ]),
  algorithms: new Map([
    ['alg_person', { id: 'alg_person', name: 'person', version: '1.0.0', labels: ['person'], roiTypes: ['polygon', 'line'] }],
    ['alg_motion', { id: 'alg_motion', name: 'motion', version: '2.1.0', labels: ['motion'], roiTypes: ['polygon'] }],
  ]),
};
const pipeline = { id: 'pip_1', name: 'Site', revision: 3 };

type Data = Record<string, unknown>;
const node = (id: string, type: string, data: Data = {}) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, extra: Data = {}) => ({ id: `${source}->${target}`, source, target, ...extra });
const camera = (id: string, cameraId = 'cam_gate') => node(id, 'camera', { cameraId });
const algorithm = (id: string, algorithmId = 'alg_person') => node(id, 'algorithm', { algorithmId });
const polygon = { id: 'zone', kind: 'polygon', points: [[0.1, 0.1], [0.9, 0.1], [0.9, 0.9]] };
const line = { id: 'door', kind: 'line', points: [[0.5, 0], [0.5, 1]], direction: 'a-to-b' };
const roi = (id: string, regions: unknown[] = [polygon]) => node(id, 'roi', { regions });
const rule = (id: string, data: Data = {}) => node(id, 'rule', { alarmType: 'intrusion', ...data });
const callback = (id: string) => node(id, 'callback', { url: 'https://hooks.example.com/vigil' });

const compile = (nodes: unknown[], edges: unknown[]): CompileResult => compilePipeline({ graph: { nodes, edges }, pipeline, catalog });

function errorsOf(result: CompileResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(({ code, nodeId, edgeId, field }) => ({ code, nodeId, edgeId, field }));
}

const ruleDefaults = { labels: [], minScore: 0.5, dwellSeconds: 0, cooldownSeconds: 30, minCount: 1 };
const chain = {
  nodes: [camera('c1'), algorithm('a1'), roi('r1'), rule('rule1', { labels: ['person'] }), callback('cb1')],
  edges: [edge('c1', 'a1'), edge('a1', 'r1'), edge('r1', 'rule1'), edge('rule1', 'cb1')],
};

describe('compilePipeline: valid graphs', () => {
  it('compiles camera → algorithm → roi → rule → callback into the exact spec', () => {
    const result = compile(chain.nodes, chain.edges);
    const expected: PipelineSpec = {
      version: 1,
      pipeline,
      algorithms: [{ algorithmId: 'alg_person', name: 'person', version: '1.0.0' }],
      analyzers: [
        {
          cameraNodeId: 'c1',
          cameraId: 'cam_gate',
          cameraName: 'Gate',
          fps: 5,
          width: 640,
          height: 360,
          algorithms: [
            {
              algorithmNodeId: 'a1',
              algorithmId: 'alg_person',
              params: {},
              minScore: 0.3,
              restreams: [],
              rules: [
                {
                  ruleNodeId: 'rule1',
                  roiNodeId: 'r1',
                  regions: [{ ...polygon, name: '' }] as PipelineSpec['analyzers'][0]['algorithms'][0]['rules'][0]['regions'],
                  anchor: 'bottom-center',
                  sinkNodeIds: ['cb1'],
                  alarmType: 'intrusion',
                  ...ruleDefaults,
                  labels: ['person'],
                },
              ],
            },
          ],
        },
      ],
      sinks: [{ nodeId: 'cb1', type: 'callback', config: { url: 'https://hooks.example.com/vigil', timeoutSeconds: 10 } }],
    };
    expect(result).toEqual({ ok: true, spec: expected });
  });

  it('fans out (one camera → two algorithms, one algorithm → rules with and without an ROI, one rule → two sinks) and fans in (two cameras → one algorithm)', () => {
    const result = compile(
      [
        camera('c1', 'cam_gate'),
        camera('c2', 'cam_dock'),
        algorithm('person'),
        algorithm('motion', 'alg_motion'),
        roi('zone'),
        rule('in-zone'),
        rule('anywhere', { alarmType: 'motion', cooldownSeconds: 5 }),
        callback('hook'),
        node('ws', 'websocket'),
        node('live', 'restream'),
      ],
      [
        edge('c1', 'person'),
        edge('c2', 'person'),
        edge('c1', 'motion'),
        edge('person', 'zone'),
        edge('zone', 'in-zone'),
        edge('zone', 'live'),
        edge('motion', 'anywhere'),
        edge('in-zone', 'hook'),
        edge('in-zone', 'ws'),
        edge('anywhere', 'ws'),
      ],
    );
    const zoneRegions = [{ ...polygon, name: '' }] as PipelineSpec['analyzers'][0]['algorithms'][0]['rules'][0]['regions'];
    const personOnCamera = {
      algorithmNodeId: 'person',
      algorithmId: 'alg_person',
      params: {},
      minScore: 0.3,
      rules: [{ ruleNodeId: 'in-zone', roiNodeId: 'zone', regions: zoneRegions, anchor: 'bottom-center' as const, sinkNodeIds: ['hook', 'ws'], alarmType: 'intrusion', ...ruleDefaults }],
      restreams: [{ sinkNodeId: 'live', roiNodeId: 'zone', regions: zoneRegions }],
    };
    const analyzerOf = (cameraNodeId: string, cameraId: string, cameraName: string) => ({ cameraNodeId, cameraId, cameraName, fps: 5, width: 640, height: 360 });
    const expected: PipelineSpec = {
      version: 1,
      pipeline,
      algorithms: [
        { algorithmId: 'alg_motion', name: 'motion', version: '2.1.0' },
        { algorithmId: 'alg_person', name: 'person', version: '1.0.0' },
      ],
      analyzers: [
        {
          ...analyzerOf('c1', 'cam_gate', 'Gate'),
          algorithms: [
            {
              algorithmNodeId: 'motion',
              algorithmId: 'alg_motion',
              params: {},
              minScore: 0.3,
              rules: [{ ruleNodeId: 'anywhere', roiNodeId: null, regions: [], anchor: 'bottom-center', sinkNodeIds: ['ws'], alarmType: 'motion', ...ruleDefaults, cooldownSeconds: 5 }],
              restreams: [],
            },
            personOnCamera,
          ],
        },
        // Fan-in: the second camera feeds the same algorithm node, so it gets the same chain.
        { ...analyzerOf('c2', 'cam_dock', 'Dock'), algorithms: [personOnCamera] },
      ],
      sinks: [
        { nodeId: 'hook', type: 'callback', config: { url: 'https://hooks.example.com/vigil', timeoutSeconds: 10 } },
        { nodeId: 'live', type: 'restream', config: { bitrateKbps: 1500, drawRegions: true, drawLabels: true } },
        { nodeId: 'ws', type: 'websocket', config: { channel: 'alarms' } },
      ],
    };
    expect(result).toEqual({ ok: true, spec: expected });
  });

  it('is deterministic: node and edge order do not change the spec', () => {
    const a = compile(chain.nodes, chain.edges);
    const b = compile([...chain.nodes].reverse(), [...chain.edges].reverse());
    expect(b).toEqual(a);
  });

  it('accepts explicit, matching handles', () => {
    const edges = chain.edges.map((e) => ({ ...e }));
    edges[0] = edge('c1', 'a1', { sourceHandle: 'video', targetHandle: 'video' });
    expect(compile(chain.nodes, edges).ok).toBe(true);
  });
});

describe('compilePipeline: errors name the node, edge and field', () => {
  it('empty_pipeline', () => {
    expect(errorsOf(compile([], []))).toEqual([{ code: 'empty_pipeline' }]);
  });

  it('invalid_graph: unknown node type and an edge to a missing node', () => {
    expect(errorsOf(compile([node('x', 'teleporter'), camera('c1')], []))).toEqual([{ code: 'invalid_graph', nodeId: 'x' }]);
    expect(errorsOf(compile([camera('c1')], [edge('c1', 'ghost')]))).toEqual([{ code: 'invalid_graph', edgeId: 'c1->ghost' }]);
  });

  it('invalid_config: a camera fps out of range, a rule without an alarm type, a polygon with two points', () => {
    const badPolygon = { id: 'p', kind: 'polygon', points: [[0, 0], [1, 1]] };
    const errors = errorsOf(
      compile(
        [node('c1', 'camera', { cameraId: 'cam_gate', fps: 100 }), algorithm('a1'), roi('r1', [badPolygon]), node('rule1', 'rule', {}), callback('cb1')],
        [edge('c1', 'a1'), edge('a1', 'r1'), edge('r1', 'rule1'), edge('rule1', 'cb1')],
      ),
    );
    expect(errors).toEqual([
      { code: 'invalid_config', nodeId: 'c1', field: 'fps' },
      { code: 'invalid_config', nodeId: 'r1', field: 'regions.0.points' },
      { code: 'invalid_config', nodeId: 'rule1', field: 'alarmType' },
    ]);
  });

  it('invalid_config: a callback URL that is not http(s), and an unknown config key', () => {
    const errors = errorsOf(
      compile([camera('c1'), algorithm('a1'), rule('rule1'), node('cb1', 'callback', { url: 'ftp://x/y', retries: 3 })], [edge('c1', 'a1'), edge('a1', 'rule1'), edge('rule1', 'cb1')]),
    );
    expect(errors).toEqual(expect.arrayContaining([{ code: 'invalid_config', nodeId: 'cb1', field: 'url' }, expect.objectContaining({ code: 'invalid_config', nodeId: 'cb1' })]));
  });

  it('port_mismatch: a camera straight into a rule (video into detections)', () => {
    const errors = errorsOf(compile([camera('c1'), rule('rule1'), callback('cb1')], [edge('c1', 'rule1'), edge('rule1', 'cb1')]));
    expect(errors).toContainEqual({ code: 'port_mismatch', nodeId: 'rule1', edgeId: 'c1->rule1' });
  });

  it('unknown_port: a handle the node does not have, and an edge out of a sink', () => {
    const errors = errorsOf(
      compile([...chain.nodes, callback('cb2')], [edge('c1', 'a1', { sourceHandle: 'audio' }), ...chain.edges.slice(1), edge('cb1', 'cb2')]),
    );
    expect(errors).toEqual(expect.arrayContaining([{ code: 'unknown_port', nodeId: 'c1', edgeId: 'c1->a1' }, { code: 'unknown_port', nodeId: 'cb1', edgeId: 'cb1->cb2' }]));
  });

  it('cycle: two ROI nodes feeding each other, and a self-loop', () => {
    const errors = errorsOf(
      compile([camera('c1'), algorithm('a1'), roi('r1'), roi('r2'), roi('r3'), rule('rule1'), callback('cb1')], [
        edge('c1', 'a1'),
        edge('a1', 'r1'),
        edge('r1', 'r2'),
        edge('r2', 'r1'),
        edge('r3', 'r3'),
        edge('r2', 'rule1'),
        edge('rule1', 'cb1'),
      ]),
    );
    expect(errors).toEqual([
      { code: 'cycle', nodeId: 'r1' },
      { code: 'cycle', nodeId: 'r3' },
    ]);
  });

  it('dangling_node, missing_input and unused_output', () => {
    const errors = errorsOf(compile([...chain.nodes, rule('lonely'), algorithm('a2'), camera('c2', 'cam_dock')], [...chain.edges, edge('c2', 'a2')]));
    expect(errors).toEqual([
      { code: 'dangling_node', nodeId: 'lonely' },
      { code: 'unused_output', nodeId: 'a2' },
    ]);
    const noInput = errorsOf(compile([camera('c1'), algorithm('a1'), rule('rule1'), callback('cb1')], [edge('c1', 'a1'), edge('rule1', 'cb1'), edge('a1', 'rule1')].slice(0, 2)));
    expect(noInput).toEqual(expect.arrayContaining([{ code: 'missing_input', nodeId: 'rule1' }, { code: 'unused_output', nodeId: 'a1' }]));
  });

  it('sink_without_algorithm: a callback behind a rule that nothing feeds', () => {
    const errors = errorsOf(compile([rule('rule1'), callback('cb1')], [edge('rule1', 'cb1')]));
    expect(errors).toEqual([
      { code: 'missing_input', nodeId: 'rule1' },
      { code: 'sink_without_algorithm', nodeId: 'cb1' },
    ]);
  });

  it('unknown_camera and unknown_algorithm', () => {
    const nodes = [camera('c1', 'cam_gone'), algorithm('a1', 'alg_gone'), rule('rule1'), callback('cb1')];
    const errors = errorsOf(compile(nodes, [edge('c1', 'a1'), edge('a1', 'rule1'), edge('rule1', 'cb1')]));
    expect(errors).toEqual([
      { code: 'unknown_camera', nodeId: 'c1', field: 'cameraId' },
      { code: 'unknown_algorithm', nodeId: 'a1', field: 'algorithmId' },
    ]);
  });

  it('roi_kind_not_supported: a line for an algorithm that accepts only polygons', () => {
    const nodes = [camera('c1'), algorithm('a1', 'alg_motion'), roi('r1', [polygon, line]), rule('rule1'), callback('cb1')];
    const errors = errorsOf(compile(nodes, [edge('c1', 'a1'), edge('a1', 'r1'), edge('r1', 'rule1'), edge('rule1', 'cb1')]));
    expect(errors).toEqual([{ code: 'roi_kind_not_supported', nodeId: 'r1', field: 'regions.1.kind' }]);
  });

  it('unknown_label: a rule filtering on a label the algorithm never reports', () => {
    const nodes = [camera('c1'), algorithm('a1'), rule('rule1', { labels: ['person', 'forklift'] }), callback('cb1')];
    const errors = errorsOf(compile(nodes, [edge('c1', 'a1'), edge('a1', 'rule1'), edge('rule1', 'cb1')]));
    expect(errors).toEqual([{ code: 'unknown_label', nodeId: 'rule1', field: 'labels.1' }]);
  });

  it('roi_chain: an ROI after another ROI', () => {
    const nodes = [camera('c1'), algorithm('a1'), roi('r1'), roi('r2'), rule('rule1'), callback('cb1')];
    const errors = errorsOf(compile(nodes, [edge('c1', 'a1'), edge('a1', 'r1'), edge('r1', 'r2'), edge('r2', 'rule1'), edge('rule1', 'cb1')]));
    expect(errors).toEqual([{ code: 'roi_chain', nodeId: 'r2' }]);
  });

  it('every error message names the node it is about', () => {
    const result = compile([camera('c1', 'cam_gone'), rule('lonely')], []);
    if (result.ok) throw new Error('expected errors');
    for (const error of result.errors) if (error.nodeId) expect(error.message).toContain(`"${error.nodeId}"`);
  });
});
