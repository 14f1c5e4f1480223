import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkloadStatus } from '../runtime/workload-runtime.port';
import { createLogger } from '../server/logger';
import { startInProcessPipelineWorker, startPipelinePlatform, type InProcessPipelineWorker, type PipelinePlatform } from './support/pipeline-platform';
import { startTemporalDevServer } from './support/temporal-harness';

const taskQueue = `pipeline-update-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'pipeline-update-test' });
const updateMaxGapMs = 1000;

/** One sample of what the runtime runs: per camera, is some analyzer of this pipeline ready right now? */
function readyCameras(workloads: WorkloadStatus[]): Set<string> {
  return new Set(workloads.filter((workload) => workload.kind === 'analyzer' && workload.ready).map((workload) => workload.labels.camera ?? ''));
}

describe('updating a running pipeline to a new revision (real Temporal, real processes)', () => {
  let env: TestWorkflowEnvironment;
  let platform: PipelinePlatform;
  let worker: InProcessPipelineWorker;

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    platform = await startPipelinePlatform({ temporalAddress: env.address, taskQueue, logger });
    worker = await startInProcessPipelineWorker(env, platform, { taskQueue, logger, config: { pipelines: { updateMaxGapMs } } });
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await platform?.close();
    await env?.teardown();
  });

  it('replaces every analyzer make-before-break: no camera is without a ready analyzer for longer than the bound', async () => {
    const { pipelineId, graph, cameraIds } = await platform.createMotionPipeline('Rolling update', { cameras: 2 });
    const cameras = cameraIds.map((id) => id.toLowerCase());
    await platform.deploy(pipelineId);
    await platform.waitForState(pipelineId, (view) => view.status?.state === 'running' && view.status.revision === 1, 90_000);
    const before = (await worker.runtime.list()).filter((workload) => workload.kind === 'analyzer');
    expect(before.map((workload) => workload.labels.camera).sort()).toEqual([...cameras].sort());
    const serversBefore = (await worker.runtime.list()).filter((workload) => workload.kind === 'algorithm-server').map((workload) => workload.id);

    const revision = await platform.saveRevision(pipelineId, graph);
    expect(revision).toBe(2);

    // Watched from outside the workflow, as an operator would: sample the runtime every 100 ms through the update and
    // measure, per camera, the longest stretch with no ready analyzer (the workflow's own report is checked after).
    const longestGap = new Map(cameras.map((camera) => [camera, 0]));
    const gapSince = new Map<string, number>();
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const now = Date.now();
        const ready = readyCameras(await worker.runtime.list());
        for (const camera of cameras) {
          if (ready.has(camera)) gapSince.delete(camera);
          else if (!gapSince.has(camera)) gapSince.set(camera, now);
          const since = gapSince.get(camera);
          if (since !== undefined) longestGap.set(camera, Math.max(longestGap.get(camera) ?? 0, now - since));
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    try {
      await platform.deploy(pipelineId, revision);
      const updated = await platform.waitForState(pipelineId, (view) => view.status?.revision === 2 && view.status.lastUpdate !== undefined, 120_000);
      expect(updated.deployedRevision).toBe(2);
      expect(updated.status?.lastError).toBeUndefined();
      const handover = updated.status?.lastUpdate;
      expect(handover).toMatchObject({ fromRevision: 1, toRevision: 2, maxGapMs: updateMaxGapMs, withinBound: true });
      expect(handover?.cameras).toHaveLength(2);
      for (const camera of handover?.cameras ?? []) expect(camera.gapMs).toBeLessThanOrEqual(updateMaxGapMs);
    } finally {
      watching = false;
      await watcher;
    }
    for (const camera of cameras) expect(longestGap.get(camera), `camera ${camera} had no ready analyzer`).toBeLessThanOrEqual(updateMaxGapMs);

    // The old analyzers are gone, new ones (revision 2) serve each camera, and the shared algorithm server stayed.
    const after = await worker.runtime.list();
    const analyzersAfter = after.filter((workload) => workload.kind === 'analyzer');
    expect(analyzersAfter.map((workload) => workload.labels.camera).sort()).toEqual([...cameras].sort());
    for (const old of before) expect(analyzersAfter.map((workload) => workload.id)).not.toContain(old.id);
    for (const analyzer of analyzersAfter) expect(analyzer.labels.revision).toBe('2');
    expect(after.filter((workload) => workload.kind === 'algorithm-server').map((workload) => workload.id)).toEqual(serversBefore);

    await platform.stop(pipelineId);
    await platform.waitForState(pipelineId, (view) => view.status?.state === 'stopped', 60_000);
    expect(await worker.runtime.list()).toEqual([]);
  }, 300_000);
});
