import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlgorithmClient } from '../analyzer/algorithm-client';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import { StreamAnalysis } from '../analyzer/stream-analysis';
import type { AlarmEvent } from '../lib/contracts/alarms';
import type { StreamState } from '../media/supervised-ffmpeg';
import { openFrameReader, type FrameReader } from '../media/ingest/open-frame-reader';
import { startAlgorithmServer, type AlgorithmServerProcess } from './fixtures/algorithm-server-process';
import { startMediaServerProcess, waitFor, type MediaServerProcess } from './media-fixtures';
import { publishMovingBox } from './support/moving-box-camera';

// Issue 4 acceptance: the source (or the media server) dies mid-stream; the analyzer reconnects and alarms resume.
// Real ffmpeg camera → real media process → openFrameReader → StreamAnalysis → real motion server, wall-clock frame times.
const fps = 5;
const quickBackoff = { initialMs: 200, maxMs: 1000, factor: 2, jitter: 0 };

interface Seen {
  event: AlarmEvent;
  /** Wall-clock ms when the analysis raised it. */
  at: number;
}

describe('analyzer across a dead source and a dead media server (real ffmpeg, media server, motion server)', () => {
  let motion: AlgorithmServerProcess;
  let media: MediaServerProcess;
  beforeAll(async () => {
    [motion, media] = await Promise.all([startAlgorithmServer('motion'), startMediaServerProcess()]);
  });
  afterAll(async () => {
    await Promise.all([motion?.stop(), media?.stop()]);
  });

  /** A reader and the analysis loop running in the background, as analyzer/main.ts wires them. */
  function startAnalyzer(path: string): { reader: FrameReader; seen: Seen[]; states: { state: StreamState; at: number }[]; done: Promise<void> } {
    const run: AnalyzerRunSpec = {
      pipeline: { id: 'pip_reconnect', name: 'Reconnect', revision: 1 },
      analyzer: {
        cameraNodeId: 'c1', cameraId: 'cam_reconnect', cameraName: 'Reconnect', fps, width: 640, height: 360,
        algorithms: [{
          algorithmNodeId: 'a1', algorithmId: 'alg_motion', params: {}, minScore: 0, restreams: [],
          rules: [{
            ruleNodeId: 'zone', roiNodeId: 'roi', anchor: 'center', sinkNodeIds: [], alarmType: 'zone', labels: ['motion'], minScore: 0,
            regions: [{ id: 'right-half', name: '', kind: 'polygon', points: [[0.5, 0], [1, 0], [1, 1], [0.5, 1]] }],
            dwellSeconds: 0.4, cooldownSeconds: 0, minCount: 1,
          }],
        }],
      },
      streamUrl: media.rtmpUrl(path),
      algorithms: { alg_motion: { name: 'motion', version: '1.0.0', baseUrl: motion.baseUrl } },
      report: { endpoint: 'http://unused', token: 'unused', spoolDir: '/tmp/unused' },
      motionGate: false,
    };
    const client = createAlgorithmClient({ baseUrl: motion.baseUrl, timeoutMs: 10_000, params: { learningRate: 0.5, minArea: 2500 }, streamId: path });
    let id = 0;
    const analysis = new StreamAnalysis(run, { infer: (_node, frame) => client.infer(frame), newAlarmId: () => `alm_reconnect${++id}` });
    const reader = openFrameReader({ url: run.streamUrl, fps, width: 640, height: 360, stallTimeoutMs: 2500, connectTimeoutSeconds: 2, backoff: quickBackoff });
    const seen: Seen[] = [];
    const states: { state: StreamState; at: number }[] = [];
    reader.on('state', (stats) => states.push({ state: stats.state, at: Date.now() }));
    const done = (async () => {
      for await (const frame of reader) {
        const outcome = await analysis.processFrame({ data: frame.data, width: frame.width, height: frame.height, time: frame.receivedAt });
        for (const raised of outcome.events) seen.push({ event: raised.event, at: Date.now() });
      }
    })();
    return { reader, seen, states, done };
  }

  const startsAfter = (seen: Seen[], at: number) => seen.filter((entry) => entry.event.state === 'start' && entry.at > at);
  const open = (seen: Seen[]) => {
    const ids = new Set<string>();
    for (const { event } of seen) if (event.state === 'start') ids.add(event.id); else if (event.state === 'end') ids.delete(event.id);
    return ids;
  };

  it('the camera dies mid-incident: the reader stalls and backs off, reconnects when it returns, and a new alarm starts', async () => {
    let camera = publishMovingBox(media.rtmpUrl('/camera/flaky'));
    const analyzer = startAnalyzer('/camera/flaky');
    try {
      const first = await waitFor('a first alarm start', () => startsAfter(analyzer.seen, 0)[0], 20_000);
      // Mid-incident: the box is in the zone when the camera goes away.
      await camera.stop();
      const killedAt = Date.now();
      await waitFor('the stall', () => analyzer.reader.stats().lastError?.includes('no frame'), 10_000);
      expect(analyzer.states.some(({ state, at }) => at > killedAt && state === 'backoff')).toBe(true);
      // Nothing is evaluated without frames: the incident open at the kill is still open during the outage.
      expect(open(analyzer.seen)).toEqual(new Set([first.event.id]));

      camera = publishMovingBox(media.rtmpUrl('/camera/flaky'));
      const backAt = Date.now();
      await waitFor('streaming again', () => analyzer.reader.stats().state === 'streaming', 20_000);
      expect(analyzer.reader.stats().reconnects).toBeGreaterThanOrEqual(1);
      const next = await waitFor('an alarm start after the reconnect', () => startsAfter(analyzer.seen, backAt)[0], 20_000);
      expect(next.event.id).not.toBe(first.event.id);
      // The old incident ended once frames came back without the box in the zone (the restarted camera begins at x = 0).
      const end = analyzer.seen.find(({ event }) => event.state === 'end' && event.id === first.event.id);
      expect(end).toBeDefined();
      expect(end!.at).toBeGreaterThan(backAt);
      expect(end!.at).toBeLessThanOrEqual(next.at);
    } finally {
      await analyzer.reader.stop();
      await analyzer.done;
      await camera.stop();
    }
  }, 60_000);

  it('the media server itself is killed and restarted: the reader reconnects and a new alarm starts', async () => {
    let camera = publishMovingBox(media.rtmpUrl('/camera/server'));
    const analyzer = startAnalyzer('/camera/server');
    try {
      const first = await waitFor('a first alarm start', () => startsAfter(analyzer.seen, 0)[0], 20_000);
      await media.kill();
      await camera.stop();
      await waitFor('the reader to notice', () => analyzer.reader.stats().state !== 'streaming', 10_000);
      await media.restart();
      camera = publishMovingBox(media.rtmpUrl('/camera/server'));
      const backAt = Date.now();
      await waitFor('streaming again', () => analyzer.reader.stats().state === 'streaming', 25_000);
      expect(analyzer.reader.stats().reconnects).toBeGreaterThanOrEqual(1);
      const next = await waitFor('an alarm start after the restart', () => startsAfter(analyzer.seen, backAt)[0], 20_000);
      expect(next.event.id).not.toBe(first.event.id);
      expect(analyzer.seen.some(({ event, at }) => event.state === 'end' && event.id === first.event.id && at <= next.at)).toBe(true);
    } finally {
      await analyzer.reader.stop();
      await analyzer.done;
      await camera.stop();
    }
  }, 60_000);
});
