import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { formatId } from '../lib/ids/ids';
import { createLogger } from '../server/logger';
import { openFrameReader } from '../media/ingest/open-frame-reader';
import { openRestream } from '../media/restream/open-restream';
import { createAlgorithmClient, InferenceError } from './algorithm-client';
import { AlarmOutbox } from './alarm-outbox';
import { startHealthServer } from './analyzer-health';
import { analyzerRunSpecVariable, readAnalyzerRunSpec } from './read-run-spec';
import { renderSnapshot } from './render-snapshot';
import { createFrameStep } from './frame-step';
import { createEventVerifier } from './event-verifier';
import { loadVerifierModel } from './load-verifier-model';
import { StreamAnalysis } from './stream-analysis';

// One analyzer process per pipeline × camera: decode → (motion gate) → infer → rules → alarm events.
const { values } = parseArgs({ options: { spec: { type: 'string' }, port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' } } });
if (!values.port) throw new Error(`usage: analyzer/main.ts --port <n> [--spec <run-spec.json>] (or the run spec as JSON in ${analyzerRunSpecVariable})`);
// eslint-disable-next-line no-restricted-properties -- a workload process: the run spec is its whole environment contract (Kubernetes Secret).
const environment = process.env;
const run = readAnalyzerRunSpec({ environment, specFile: values.spec });
// Read once: ffmpeg and other children inherit the environment, and have no use for the token in it.
delete environment[analyzerRunSpecVariable];
const logger = createLogger({ level: 'info', name: 'vigil-analyzer' }).child({ pipelineId: run.pipeline.id, revision: run.pipeline.revision, cameraId: run.analyzer.cameraId });

const clients = new Map(
  run.analyzer.algorithms.map((algorithm) => {
    const server = run.algorithms[algorithm.algorithmId];
    if (!server) throw new Error(`no algorithm server given for ${algorithm.algorithmId}`);
    return [algorithm.algorithmNodeId, createAlgorithmClient({ baseUrl: server.baseUrl, timeoutMs: 10_000, params: algorithm.params, streamId: `${run.pipeline.id}:${run.analyzer.cameraNodeId}` })];
  }),
);
// The published alarm-verifier model, when the run spec names one (docs/decisions/0010).
const verifier = run.verifier ? createEventVerifier(run.verifier, { logger, load: loadVerifierModel }) : undefined;
const outbox = new AlarmOutbox({ spoolDir: run.report.spoolDir, endpoint: run.report.endpoint, token: run.report.token, logger });
const analysis = new StreamAnalysis(run, {
  infer: (nodeId, frame) => clients.get(nodeId)!.infer(frame),
  newAlarmId: () => formatId('alarm', randomBytes(10)),
});
const reader = openFrameReader({ url: run.streamUrl, fps: run.analyzer.fps, width: run.analyzer.width, height: run.analyzer.height, loop: run.streamUrl.startsWith('file:'), logger });
// One encode per analyzer, whatever the number of restream sinks; ffmpeg starts with the first frame written.
const plan = run.restream;
const restream = plan
  ? openRestream({
      pipelineId: run.pipeline.id, cameraId: run.analyzer.cameraId, algorithmId: plan.algorithmId,
      width: run.analyzer.width, height: run.analyzer.height, fps: run.analyzer.fps, server: plan.server,
      maxBitrateKbps: plan.maxBitrateKbps, drawStyle: { labels: plan.drawLabels }, logger,
    })
  : undefined;
const timings = { lastProcessedAt: Date.now(), inferenceMs: [] as number[], overheadMs: [] as number[] };
let stopping = false;

const step = createFrameStep({
  analysis,
  ...(restream && plan ? { restream: { writer: restream, plan } } : {}),
  async publish({ event, rule }, frame) {
    // Updates carry no picture: start and end are what an operator looks at.
    const snapshot = event.state === 'update' ? undefined : await renderSnapshot(frame, event.objects, rule.regions);
    // The operator labels the stored (annotated) snapshot, so that is the picture the verifier learnt from and scores.
    const verification = await verifier?.verify(event, snapshot);
    await outbox.add({ event: verification ? { ...event, verification } : event, sinkNodeIds: rule.sinkNodeIds, ...(snapshot ? { snapshotJpegBase64: snapshot.toString('base64'), snapshotSize: { width: frame.width, height: frame.height } } : {}) });
    logger.info({ alarmId: event.id, state: event.state, type: event.type }, 'alarm event');
  },
  onPublishError: (error) => logger.error({ err: error }, 'alarm event not queued'),
});

async function analyse(): Promise<void> {
  for await (const frame of reader) {
    if (stopping) break;
    try {
      const { outcome, overheadMs } = await step.process({ data: frame.data, width: frame.width, height: frame.height, time: frame.receivedAt });
      record(timings.inferenceMs, outcome.inferenceMs);
      record(timings.overheadMs, overheadMs);
    } catch (error) {
      analysis.stats.inferenceErrors += 1;
      // A failing algorithm server is reported (stats, logs) and retried on the next frame, never fatal.
      if (analysis.stats.inferenceErrors % 25 === 1) logger.warn({ err: (error as Error).message, retryable: error instanceof InferenceError ? error.retryable : false }, 'frame not analysed');
    }
    timings.lastProcessedAt = Date.now();
  }
}

function record(list: number[], value: number): void {
  list.push(value);
  if (list.length > 500) list.shift();
}

const percentile = (list: number[], p: number) => (list.length ? [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(p * list.length))] : null);

const health = await startHealthServer(Number(values.port), values.host ?? '127.0.0.1', {
  // Alive while frames flow, or while the reader is honestly reconnecting (that is not a hang).
  alive: () => Date.now() - timings.lastProcessedAt < 30_000 || reader.stats().state !== 'streaming',
  // A verifier model is loaded (or has failed, which /stats reports) before the analyzer takes over from another.
  ready: () => reader.stats().state === 'streaming' && verifier?.status().state !== 'loading',
  stats: () => ({
    reader: reader.stats(),
    analysis: analysis.stats,
    outbox: outbox.stats,
    inferenceMs: { median: percentile(timings.inferenceMs, 0.5), p99: percentile(timings.inferenceMs, 0.99) },
    overheadMs: { median: percentile(timings.overheadMs, 0.5), p99: percentile(timings.overheadMs, 0.99) },
    restream: restream?.status() ?? null,
    verifier: verifier?.status() ?? null,
  }),
});
outbox.start();
logger.info({ port: values.port, source: reader.stats().source }, 'analyzer started');

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'analyzer stopping: ending open incidents');
  // Starts and updates still being published go to the outbox before the ends below.
  await step.settled();
  for (const event of analysis.flush(Date.now())) {
    const verification = await verifier?.verify(event, undefined);
    await outbox.add({ event: verification ? { ...event, verification } : event });
  }
  await reader.stop();
  await restream?.stop();
  await outbox.drained(5000);
  await outbox.stop();
  health.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));

await analyse();
