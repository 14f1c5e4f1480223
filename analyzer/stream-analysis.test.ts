import { describe, expect, it } from 'vitest';
import type { AnalyzerRunSpec } from './analyzer-run-spec';
import { StreamAnalysis, type Frame } from './stream-analysis';

const zone = { id: 'right-half', name: '', kind: 'polygon' as const, points: [[0.5, 0], [1, 0], [1, 1], [0.5, 1]] as [number, number][] };
const run: AnalyzerRunSpec = {
  pipeline: { id: 'pip_1', name: 'Site', revision: 2 },
  analyzer: {
    cameraNodeId: 'c1',
    cameraId: 'cam_1',
    cameraName: 'Gate',
    fps: 5,
    width: 640,
    height: 360,
    algorithms: [
      {
        algorithmNodeId: 'a1',
        algorithmId: 'alg_1',
        params: {},
        minScore: 0.3,
        restreams: [],
        rules: [{ ruleNodeId: 'r1', roiNodeId: 'roi', regions: [zone], anchor: 'bottom-center', sinkNodeIds: [], alarmType: 'intrusion', labels: [], minScore: 0.5, dwellSeconds: 1, cooldownSeconds: 0, minCount: 1 }],
      },
    ],
  },
  streamUrl: 'file:///dev/null',
  algorithms: { alg_1: { name: 'box-detector', version: '1.0.0', baseUrl: 'http://unused' } },
  report: { endpoint: 'http://unused', token: 't', spoolDir: '/tmp/unused' },
  motionGate: false,
};

/** A fake detector (no model runs here: this test is about the engine): the box moves 16 px a frame. */
const boxAt = (index: number) => ({ label: 'box', score: 0.9, box: { x: 100 + index * 16, y: 120, width: 60, height: 120 } });

describe('StreamAnalysis', () => {
  it('turns per-frame detections into one alarm per incident with stable ids and a track id', async () => {
    let nextId = 0;
    const analysis = new StreamAnalysis(run, {
      infer: async (_node, frame) => ({ detections: frame.time < 6000 ? [boxAt(frame.time / 200)] : [], isAlert: false, latencyMs: 1 }),
      newAlarmId: () => `alm_test${++nextId}`,
    });
    const events = [];
    for (let time = 0; time <= 10_000; time += 200) {
      const frame: Frame = { data: Buffer.alloc(640 * 360 * 3), width: 640, height: 360, time };
      events.push(...(await analysis.processFrame(frame)).events.map((raised) => raised.event));
    }
    // Anchor x = (100 + 16i + 30)/640 ≥ 0.5 from frame 12 (2.4 s); dwell 1 s → start at 3.4 s; gone at 6 s → end at 8 s.
    expect(events.map((e) => `${e.state}@${e.time.slice(17, 23)}:${e.id}`)).toEqual(['start@03.400:alm_test1', 'end@08.000:alm_test1']);
    expect(events[0]).toMatchObject({ type: 'intrusion', camera: { id: 'cam_1', name: 'Gate' }, algorithm: { name: 'box-detector' }, region: { id: 'right-half' }, objects: [{ label: 'box', trackId: 1 }] });
    expect(analysis.stats).toMatchObject({ frames: 51, inferred: 51, events: 2 });
  });

  it('skips inference on still frames when the motion gate is on, keeping the objects tracked', async () => {
    let calls = 0;
    const analysis = new StreamAnalysis({ ...run, motionGate: true }, {
      infer: async () => {
        calls += 1;
        return { detections: [boxAt(30)], isAlert: false, latencyMs: 1 };
      },
      newAlarmId: () => 'alm_still',
    });
    const still = Buffer.alloc(640 * 360 * 3, 50);
    const states: string[] = [];
    for (let time = 0; time <= 3000; time += 200) states.push(...(await analysis.processFrame({ data: still, width: 640, height: 360, time })).events.map((raised) => raised.event.state));
    expect(calls).toBe(2); // t = 0 and the 2 s keep-alive inference
    expect(states).toEqual(['start']);
    expect(analysis.stats.skippedByMotionGate).toBe(14);
  });
});
