import { describe, expect, it } from 'vitest';
import { createFrameStep, type DecodedFrame } from '../analyzer/frame-step';
import { planRestream } from '../analyzer/restream-plan';
import { StreamAnalysis, type RaisedEvent } from '../analyzer/stream-analysis';
import type { Annotations } from '../lib/media/draw-annotations';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import type { AnalyzerSpec } from '../lib/pipeline/pipeline-spec';

const width = 64;
const height = 48;
const analyzer: AnalyzerSpec = {
  cameraNodeId: 'c1', cameraId: 'cam_x', cameraName: 'X', fps: 5, width, height,
  algorithms: [{
    algorithmNodeId: 'a1', algorithmId: 'alg_x', params: {}, minScore: 0,
    rules: [{ ruleNodeId: 'r1', roiNodeId: null, regions: [], anchor: 'center', sinkNodeIds: ['ws'], alarmType: 'seen', labels: [], minScore: 0, dwellSeconds: 0, cooldownSeconds: 0, minCount: 1 }],
    restreams: [{ sinkNodeId: 'live', roiNodeId: null, regions: [] }],
  }],
};
const run: AnalyzerRunSpec = {
  pipeline: { id: 'pip_x', name: 'X', revision: 1 }, analyzer, streamUrl: 'file:///x.mp4',
  algorithms: { alg_x: { name: 'x', version: '1', baseUrl: 'http://unused' } }, report: { endpoint: 'http://unused', token: 't', spoolDir: '/tmp/unused' }, motionGate: false,
};
const plan = planRestream(analyzer, [{ nodeId: 'live', type: 'restream', config: { bitrateKbps: 500, drawRegions: true, drawLabels: true } }], { host: '127.0.0.1', rtmpPort: 1 })!;
const frame = (time: number): DecodedFrame => ({ data: Buffer.alloc(width * height * 3), width, height, time });
const person = { label: 'person', score: 0.9, box: { x: 5, y: 5, width: 10, height: 20 } };

describe('one analyzer frame', () => {
  it('draws the restream picture, leaves alarm work to an ordered queue, and counts inference out of the overhead', async () => {
    const detections = [[person], [person], []];
    let call = 0;
    const analysis = new StreamAnalysis(run, {
      infer: async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { detections: detections[call++] ?? [], isAlert: false, latencyMs: 20 };
      },
      newAlarmId: () => 'alm_1',
    });
    const written: Array<Annotations | undefined> = [];
    const published: string[] = [];
    const step = createFrameStep({
      analysis,
      restream: { writer: { write: (_frame, annotations) => written.push(annotations) }, plan },
      // The start's snapshot is slow; the end must still be published after it.
      publish: async ({ event }: RaisedEvent) => {
        await new Promise((resolve) => setTimeout(resolve, event.state === 'start' ? 50 : 0));
        published.push(event.state);
      },
      onPublishError: (error) => {
        throw error;
      },
    });
    const first = await step.process(frame(0));
    expect(first.outcome.events.map((raised) => raised.event.state)).toEqual(['start']);
    // Not waiting for the 50 ms publish, nor counting the 20 ms inference.
    expect(first.overheadMs).toBeLessThan(15);
    expect(published).toEqual([]);
    for (const time of [200, 400, 600, 800, 3000, 3200, 6000]) await step.process(frame(time));
    await step.settled();
    expect(published[0]).toBe('start');
    expect(published.at(-1)).toBe('end');
    expect(written[0]).toMatchObject({ objects: [{ label: 'person', trackId: 1 }], rois: [] });
  });

  it('keeps the restream going without boxes when inference fails', async () => {
    const analysis = new StreamAnalysis(run, { infer: () => Promise.reject(new Error('server away')), newAlarmId: () => 'alm_1' });
    const written: Array<Annotations | undefined> = [];
    const step = createFrameStep({ analysis, restream: { writer: { write: (_frame, annotations) => written.push(annotations) }, plan }, publish: async () => undefined, onPublishError: () => undefined });
    await expect(step.process(frame(0))).rejects.toThrow('server away');
    expect(written).toEqual([undefined]);
  });
});
