// The analyzer's data path on one synthetic video and the motion model, in one run:
//   decode-only fps (ffmpeg → RGB frames), inference-only fps (frames → motion server, one at a time),
//   the full analyzer's fps and its per-frame overhead (everything except inference: motion gate, tracker, rules,
//   restream drawing; alarm snapshots run off the frame path) median and p99 — the analyzer's /stats `overheadMs`;
// then how many 640x360 @ 5 fps streams this machine sustains with motion gating (bench/analyzer-capacity.ts).
// Run: node --import tsx bench/analyzer-throughput.ts [max-streams]
import { cpus } from 'node:os';
import { createAlgorithmClient } from '../analyzer/algorithm-client';
import type { AnalyzerRunSpec } from '../analyzer/analyzer-run-spec';
import { renderSnapshot } from '../analyzer/render-snapshot';
import { createFrameStep } from '../analyzer/frame-step';
import { planRestream } from '../analyzer/restream-plan';
import { StreamAnalysis } from '../analyzer/stream-analysis';
import { drawAnnotations, type Annotations } from '../lib/media/draw-annotations';
import { openFrameReader } from '../media/ingest/open-frame-reader';
import { startAlgorithmServer } from '../test/fixtures/algorithm-server-process';
import { makeMovingBoxVideo } from '../test/support/synthetic-video';
import { benchRules, percentile, rightHalf } from './analyzer-bench-support';
import { findSustainedStreams } from './analyzer-capacity';

const width = 640;
const height = 360;
// Every frame of the 25 fps source: the decode figure is then the decoder's own rate, not a sampling choice.
const fps = 25;
const motionParams = { learningRate: 0.5, minArea: 2500 };
const maxStreams = Number(process.argv[2] ?? 64);

const video = makeMovingBoxVideo(20);
const url = `file://${video}`;
const reader = () => openFrameReader({ url, fps, width, height, pace: 'fast', maxQueuedFrames: 100_000 });
const motion = await startAlgorithmServer('motion', ['--log-level', 'info']);
const analyzer = { cameraNodeId: 'c1', cameraId: 'cam_bench', cameraName: 'Bench', fps, width, height, algorithms: [{ algorithmNodeId: 'a1', algorithmId: 'alg_motion', params: motionParams, minScore: 0, rules: benchRules(), restreams: [{ sinkNodeId: 'live', roiNodeId: 'roi', regions: [rightHalf] }] }] };
const plan = planRestream(analyzer, [{ nodeId: 'live', type: 'restream', config: { bitrateKbps: 1500, drawRegions: true, drawLabels: true } }], { host: '127.0.0.1', rtmpPort: 1 })!;
/** What RestreamWriter.write costs the analyzer: a copy of the frame and the drawing (ffmpeg encodes in its own process). */
const drawingOnly = {
  write(frame: { data: Uint8Array; width: number; height: number }, annotations?: Annotations) {
    const picture = Buffer.from(frame.data);
    if (annotations) drawAnnotations({ data: picture, width: frame.width, height: frame.height }, annotations);
  },
};

try {
  // 1. Decode only: frames kept for step 2 (~350 MB for 500 frames).
  const frames: Buffer[] = [];
  let first = 0;
  for await (const frame of reader()) {
    if (!frames.length) first = performance.now();
    frames.push(frame.data);
  }
  const decodeFps = (frames.length - 1) / ((performance.now() - first) / 1000);

  // 2. Inference only: the analyzer's client against the real server, one request at a time, frames already in memory.
  const client = createAlgorithmClient({ baseUrl: motion.baseUrl, timeoutMs: 10_000, params: motionParams, streamId: 'bench-infer' });
  const inferenceMs: number[] = [];
  const inferStarted = performance.now();
  for (const data of frames) inferenceMs.push((await client.infer({ data, width, height })).latencyMs);
  const inferFps = frames.length / ((performance.now() - inferStarted) / 1000);
  const frameCount = frames.length;
  // Let the collector have them back: 350 MB of old frames would skew the next step's pauses.
  frames.length = 0;

  // 3. The full analyzer as analyzer/main.ts runs it (analyzer/frame-step.ts), with a restream sink's drawing (its
  // encoder is another process, left out); without and with the motion gate.
  const full = async (motionGate: boolean) => {
    const run: AnalyzerRunSpec = {
      pipeline: { id: 'pip_bench', name: 'Bench', revision: 1 }, analyzer, streamUrl: url,
      algorithms: { alg_motion: { name: 'motion', version: '1.0.0', baseUrl: motion.baseUrl } },
      report: { endpoint: 'http://unused', token: 'unused', spoolDir: '/tmp/unused' }, motionGate,
    };
    const analysisClient = createAlgorithmClient({ baseUrl: motion.baseUrl, timeoutMs: 10_000, params: motionParams, streamId: `bench-full-${motionGate}` });
    let alarmId = 0;
    const analysis = new StreamAnalysis(run, { infer: (_node, frame) => analysisClient.infer(frame), newAlarmId: () => `alm_bench${++alarmId}` });
    let events = 0;
    const step = createFrameStep({
      analysis,
      restream: { writer: drawingOnly, plan },
      publish: async ({ event, rule }, frame) => {
        events += 1;
        if (event.state !== 'update') await renderSnapshot(frame, event.objects, rule.regions);
      },
      onPublishError: (error) => console.error(error),
    });
    const overheadMs: number[] = [];
    let begun = 0;
    for await (const frame of reader()) {
      if (!overheadMs.length) begun = performance.now();
      overheadMs.push((await step.process({ data: frame.data, width, height, time: frame.index * (1000 / fps) })).overheadMs);
    }
    const elapsed = performance.now() - begun;
    await step.settled();
    return { fps: (overheadMs.length - 1) / (elapsed / 1000), overheadMs, inferred: analysis.stats.inferred, frames: overheadMs.length, events };
  };
  const ungated = await full(false);
  const gated = await full(true);

  console.log(`${cpus().length} CPU(s) (${cpus()[0]?.model ?? '?'}), node ${process.version}; 640x360 H.264, ${frameCount} frames at ${fps} fps, motion model`);
  console.log(`decode only        ${decodeFps.toFixed(0).padStart(6)} fps  (ffmpeg → RGB24 frames in the analyzer process)`);
  console.log(`inference only     ${inferFps.toFixed(0).padStart(6)} fps  (round trip median ${percentile(inferenceMs, 0.5).toFixed(2)} ms, p99 ${percentile(inferenceMs, 0.99).toFixed(2)} ms)`);
  for (const [name, result] of [['full, no gate', ungated], ['full, motion gate', gated]] as const) {
    console.log(`${name.padEnd(18)} ${result.fps.toFixed(0).padStart(6)} fps  (${result.inferred}/${result.frames} frames inferred, ${result.events} alarm events)`);
    console.log(`  per-frame overhead median ${percentile(result.overheadMs, 0.5).toFixed(3)} ms, p99 ${percentile(result.overheadMs, 0.99).toFixed(3)} ms  (everything but inference: gate, tracker, rules, restream drawing; goal < 2 ms)`);
  }

  console.log('\nstreams of 640x360 @ 5 fps with motion gating (mostly still scene), each a real analyzer process:');
  const capacity = await findSustainedStreams({ motionBaseUrl: motion.baseUrl, maxStreams, log: (line) => console.log(line) });
  console.log(`sustained: ${capacity.sustained} streams on this machine${capacity.limitedBy ? ` (${capacity.limitedBy})` : ''}`);
} finally {
  await motion.stop();
}
