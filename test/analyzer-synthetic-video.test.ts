import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlgorithmClient } from '../analyzer/algorithm-client';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import { StreamAnalysis } from '../analyzer/stream-analysis';
import type { AlarmEvent } from '../lib/contracts/alarms';
import type { Roi } from '../lib/geometry/roi';
import type { RuleSpec } from '../lib/pipeline/pipeline-spec';
import { openFrameReader } from '../media/ingest/open-frame-reader';
import { startAlgorithmServer, type AlgorithmServerProcess } from './fixtures/algorithm-server-process';
import { makeMovingBoxVideo } from './support/synthetic-video';

/*
 * Ground truth of the synthetic video (test/support/synthetic-video.ts): a 60x120 box whose left edge is at
 * x = (80 t) mod 580 px on a 640x360 frame, moving right, wrapping to the left edge at t = 7.25 s.
 * Its centre crosses x = 320 (the middle) at t = (320 − 30) / 80 = 3.625 s and leaves the right half at 7.25 s.
 */
const fps = 5;
const frameMs = 1000 / fps;
/** Motion blobs include a short trail behind the box (the background is still absorbing it): up to 2 frames late. */
const tolerance = { early: 0.2, late: 0.4 };
const expectNear = (actual: number, truth: number) => {
  expect(actual).toBeGreaterThanOrEqual(truth - tolerance.early);
  expect(actual).toBeLessThanOrEqual(truth + tolerance.late);
};
const rightHalf: Roi = { id: 'right-half', name: '', kind: 'polygon', points: [[0.5, 0], [1, 0], [1, 1], [0.5, 1]] };
const middleLine = (direction: Roi['direction']): Roi => ({ id: 'middle', name: '', kind: 'line', points: [[0.5, 0], [0.5, 1]], direction });
const rule = (ruleNodeId: string, regions: Roi[], extra: Partial<RuleSpec> = {}): RuleSpec => ({
  ruleNodeId, roiNodeId: 'roi', regions, anchor: 'center', sinkNodeIds: [], alarmType: ruleNodeId, labels: ['motion'], minScore: 0, dwellSeconds: 0, cooldownSeconds: 0, minCount: 1, ...extra,
});

/** Runs the analyzer over every frame of a fresh synthetic video of `videoSeconds` with these rules; the events, in order. */
async function analyseSyntheticVideo(motionBaseUrl: string, videoSeconds: number, rules: RuleSpec[]): Promise<AlarmEvent[]> {
  const video = makeMovingBoxVideo(videoSeconds);
  const run: AnalyzerRunSpec = {
    pipeline: { id: 'pip_synthetic', name: 'Synthetic', revision: 1 },
    analyzer: {
      cameraNodeId: 'c1', cameraId: 'cam_synthetic', cameraName: 'Synthetic', fps, width: 640, height: 360,
      algorithms: [{ algorithmNodeId: 'a1', algorithmId: 'alg_motion', params: {}, minScore: 0, restreams: [], rules }],
    },
    streamUrl: `file://${video}`,
    algorithms: { alg_motion: { name: 'motion', version: '1.0.0', baseUrl: motionBaseUrl } },
    report: { endpoint: 'http://unused', token: 'unused', spoolDir: '/tmp/unused' },
    motionGate: false,
  };
  // Background absorbs change quickly (ghosts fade in ~0.5 s); slivers under 2500 px² are ignored (the box is 7200 px²).
  const client = createAlgorithmClient({ baseUrl: motionBaseUrl, timeoutMs: 10_000, params: { learningRate: 0.5, minArea: 2500 }, streamId: 'synthetic' });
  let id = 0;
  const analysis = new StreamAnalysis(run, { infer: (_node, frame) => client.infer(frame), newAlarmId: () => `alm_synthetic${++id}` });
  // Decoded flat out; frame times come from the frame index, so the expected times are exact video times.
  // Lossless: a live reader drops frames for a slow consumer, but ground truth needs every frame.
  const reader = openFrameReader({ url: run.streamUrl, fps, width: 640, height: 360, pace: 'fast', maxQueuedFrames: 1000 });
  const events: AlarmEvent[] = [];
  let last = 0;
  for await (const frame of reader) {
    last = frame.index * frameMs;
    events.push(...(await analysis.processFrame({ data: frame.data, width: frame.width, height: frame.height, time: last })).events.map((raised) => raised.event));
  }
  events.push(...analysis.flush(last + frameMs));
  return events;
}

const seconds = (event: AlarmEvent) => (Date.parse(event.time) - Date.UTC(1970, 0, 1)) / 1000;

describe('analyzer on a synthetic video with known ground truth (real ffmpeg, real motion server)', () => {
  let motion: AlgorithmServerProcess;
  let events: AlarmEvent[];

  beforeAll(async () => {
    motion = await startAlgorithmServer('motion');
    events = await analyseSyntheticVideo(motion.baseUrl, 10.6, [
      rule('zone-dwell', [rightHalf], { dwellSeconds: 1 }),
      rule('crossing-left-to-right', [middleLine('b-to-a')]),
      rule('crossing-right-to-left', [middleLine('a-to-b')]),
    ]);
  }, 90_000);
  afterAll(async () => motion?.stop());

  const of = (type: string) => events.filter((event) => event.type === type);

  it('starts the zone alarm one dwell second after the box enters the right half, and ends it after the box leaves', () => {
    const zone = of('zone-dwell');
    const start = zone.find((event) => event.state === 'start')!;
    const end = zone.find((event) => event.state === 'end')!;
    // First frame with the centre inside: 3.8 s; + 1 s dwell.
    expectNear(seconds(start), 4.8);
    // The box leaves at 7.25 s (first frame outside: 7.4 s); the incident ends 2 s (end grace) later,
    // well before the video ends at 10.6 s, so this is the rule ending it, not the final flush.
    expectNear(seconds(end), 9.4);
    expect(zone.filter((event) => event.state === 'start')).toHaveLength(1);
    expect(start.region).toEqual({ id: 'right-half', kind: 'polygon' });
    expect(start.objects[0]!.trackId).toBeDefined();
  });

  it('reports the left-to-right crossing of the middle line once, at the right time, and never the opposite direction', () => {
    const starts = of('crossing-left-to-right').filter((event) => event.state === 'start');
    expect(starts).toHaveLength(1);
    // The centre passes x = 320 at 3.625 s: first frame beyond it is 3.8 s.
    expectNear(seconds(starts[0]!), 3.8);
    expect(starts[0]!.objects[0]!.trackId).toBe(of('zone-dwell')[0]!.objects[0]!.trackId);
    expect(starts[0]!.region).toEqual({ id: 'middle', kind: 'line' });
    // The wrap-around jumps from x = 580 to 0 without crossing the middle: no right-to-left crossing exists.
    expect(of('crossing-right-to-left')).toEqual([]);
  });
});

/*
 * The same box passes twice: its centre crosses the middle at 3.625 s and, after the wrap at 7.25 s, again at
 * 7.25 + 3.625 = 10.875 s (first frames beyond: 3.8 s and 11.0 s). The right half holds it over [3.8, 7.25) and
 * from 11.0 s to the end. Each first incident ends 2 s (end grace) after its condition stops: the crossing at
 * 6.0 s, the zone at 9.4 s. A cooldown running past 11.0 s must swallow the second pass; none must not.
 */
describe('cooldown on a synthetic video where the object triggers the rule twice', () => {
  let motion: AlgorithmServerProcess;
  let events: AlarmEvent[];

  beforeAll(async () => {
    motion = await startAlgorithmServer('motion');
    events = await analyseSyntheticVideo(motion.baseUrl, 12.4, [
      rule('crossing-no-cooldown', [middleLine('b-to-a')]),
      // Ends at 6.0 s: quiet until 9.0 s, before the second crossing.
      rule('crossing-short-cooldown', [middleLine('b-to-a')], { cooldownSeconds: 3 }),
      // Ends at 6.0 s: quiet until 16.0 s, after the video.
      rule('crossing-long-cooldown', [middleLine('b-to-a')], { cooldownSeconds: 10 }),
      rule('zone-no-cooldown', [rightHalf]),
      // Ends at 9.4 s: quiet until 15.4 s, although the box is back in the zone from 11.0 s.
      rule('zone-cooldown', [rightHalf], { cooldownSeconds: 6 }),
    ]);
  }, 90_000);
  afterAll(async () => motion?.stop());

  const startsOf = (type: string) => events.filter((event) => event.type === type && event.state === 'start').map(seconds);

  it('alarms on both crossings without a cooldown, and once the cooldown has run out', () => {
    for (const type of ['crossing-no-cooldown', 'crossing-short-cooldown']) {
      const starts = startsOf(type);
      expect(starts, type).toHaveLength(2);
      expectNear(starts[0]!, 3.8);
      expectNear(starts[1]!, 11.0);
    }
  });

  it('suppresses the second crossing while the cooldown after the first incident runs', () => {
    const starts = startsOf('crossing-long-cooldown');
    expect(starts).toHaveLength(1);
    expectNear(starts[0]!, 3.8);
    // The first incident itself is reported whole: the cooldown begins at its end.
    const end = events.find((event) => event.type === 'crossing-long-cooldown' && event.state === 'end')!;
    expectNear(seconds(end), 6.0);
  });

  it('suppresses a zone re-entry within the cooldown, which alarms again without one', () => {
    const again = startsOf('zone-no-cooldown');
    expect(again).toHaveLength(2);
    expectNear(again[0]!, 3.8);
    expectNear(again[1]!, 11.0);
    const once = startsOf('zone-cooldown');
    expect(once).toHaveLength(1);
    expectNear(once[0]!, 3.8);
    expect(events.filter((event) => event.type === 'zone-cooldown').map((event) => event.state)).toEqual(['start', 'end']);
  });
});
