/**
 * Prints how long a deploy takes from the API request to the first analysed frame, through the whole path: deploy
 * route → pipeline workflow on a real Temporal dev server → algorithm server and analyzer started by the local
 * runtime → ffmpeg decoding a synthetic stream → the frame's inference answered. Cold (the algorithm server starts)
 * and warm (another pipeline already runs it) deploys. Figures only; nothing is asserted.
 *   node --import tsx bench/pipeline-deploy.ts [rounds=3]
 */
import type { WorkloadStatus } from '../runtime/workload-runtime.port';
import { createLogger } from '../server/logger';
import { startInProcessPipelineWorker, startPipelinePlatform } from '../test/support/pipeline-platform';
import { startTemporalDevServer } from '../test/support/temporal-harness';

const rounds = Number(process.argv[2] ?? 3);
const taskQueue = `deploy-bench-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'deploy-bench' });

interface AnalyzerStats {
  analysis?: { frames: number; inferred: number };
}

/** The analyzer's own count of frames that went through inference, read from its /stats. */
async function inferredFrames(workload: WorkloadStatus): Promise<number> {
  if (!workload.endpoint) return 0;
  try {
    const response = await fetch(`http://${workload.endpoint.host}:${workload.endpoint.port}/stats`, { signal: AbortSignal.timeout(1000) });
    return ((await response.json()) as AnalyzerStats).analysis?.inferred ?? 0;
  } catch {
    return 0;
  }
}

const phase = (started: number) => Math.round(performance.now() - started);

const env = await startTemporalDevServer(logger);
const platform = await startPipelinePlatform({ temporalAddress: env.address, taskQueue, logger });
const worker = await startInProcessPipelineWorker(env, platform, { taskQueue, logger });
const results: { kind: 'cold' | 'warm'; readyMs: number; firstFrameMs: number }[] = [];
try {
  for (let round = 1; round <= rounds; round += 1) {
    // cold: nothing runs; warm: a first pipeline keeps the shared motion server up while a second one deploys.
    for (const kind of ['cold', 'warm'] as const) {
      const keeper = kind === 'warm' ? await platform.createMotionPipeline(`keeper ${round}`) : undefined;
      if (keeper) {
        await platform.deploy(keeper.pipelineId);
        await platform.waitForState(keeper.pipelineId, (view) => view.status?.state === 'running', 120_000);
      }
      const { pipelineId, cameraIds } = await platform.createMotionPipeline(`bench ${kind} ${round}`);
      const camera = cameraIds[0]!.toLowerCase();
      const started = performance.now();
      await platform.deploy(pipelineId);
      let readyMs: number | undefined;
      for (;;) {
        const analyzer = (await worker.runtime.list({ kind: 'analyzer' })).find((workload) => workload.labels.camera === camera);
        if (analyzer?.ready && readyMs === undefined) readyMs = phase(started);
        if (analyzer && (await inferredFrames(analyzer)) > 0) break;
        if (performance.now() - started > 180_000) throw new Error(`no analysed frame 180 s after the deploy of ${pipelineId}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      results.push({ kind, readyMs: readyMs ?? phase(started), firstFrameMs: phase(started) });
      for (const id of [pipelineId, keeper?.pipelineId]) {
        if (!id) continue;
        await platform.stop(id);
        await platform.waitForState(id, (view) => view.status?.state === 'stopped', 60_000);
      }
    }
  }
} finally {
  await worker.close();
  await platform.close();
  await env.teardown();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
console.log(`deploy → first analysed frame (motion algorithm, 640×360 synthetic stream, local runtime, ${rounds} rounds):`);
for (const kind of ['cold', 'warm'] as const) {
  const of = results.filter((result) => result.kind === kind);
  console.log(`  ${kind}: analyzer ready median ${median(of.map((result) => result.readyMs))} ms; first analysed frame median ${median(of.map((result) => result.firstFrameMs))} ms (each: ${of.map((result) => result.firstFrameMs).join(', ')} ms)`);
}
