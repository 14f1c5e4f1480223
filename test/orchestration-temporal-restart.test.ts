import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import { testPortRange } from './support/local-runtime-harness';
import { startPipelinePlatform, type PipelinePlatform } from './support/pipeline-platform';
import { temporalDevProcess, type TemporalDevProcess } from './support/temporal-dev-process';
import { waitFor } from './support/temporal-harness';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';
import { workloadProcesses } from './support/workload-processes';

const taskQueue = `orchestration-restart-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'orchestration-restart-test' });

describe('the Temporal dev server stopped and started again (same database file) while a pipeline runs', () => {
  let temporalDir: string;
  let temporal: TemporalDevProcess;
  let platform: PipelinePlatform;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    temporalDir = mkdtempSync(join(tmpdir(), 'vigil-temporal-'));
    temporal = await temporalDevProcess(join(temporalDir, 'temporal.db'));
    await temporal.start();
    platform = await startPipelinePlatform({ temporalAddress: temporal.address, taskQueue, logger });
  }, 90_000);

  afterAll(async () => {
    await worker?.kill();
    for (const workload of workloadProcesses(testPortRange)) process.kill(-workload.pid, 'SIGKILL');
    await platform?.close();
    await temporal?.stop();
    rmSync(temporalDir, { recursive: true, force: true });
  });

  it('the worker rides out the outage and the pipeline is still supervised afterwards: status, repair, stop', async () => {
    const { pipelineId } = await platform.createMotionPipeline('Through a Temporal restart');
    worker = startWorkerProcess(platform.workerEnvironment());
    await worker.waitForLog('worker polling');
    await platform.deploy(pipelineId);
    await platform.waitForState(pipelineId, (view) => view.status?.state === 'running', 90_000);
    const before = workloadProcesses(testPortRange);
    expect(before.map((workload) => workload.kind).sort()).toEqual(['algorithm-server', 'analyzer']);

    await temporal.stop();
    // Down for longer than one health-check period: the worker's polls and the workflow's timer both span it.
    await sleep(16_000);
    expect(worker.running(), `the worker exited while Temporal was down:\n${worker.output().slice(-3000)}`).toBe(true);
    expect(await platform.status(pipelineId).catch((error: unknown) => String(error))).toMatch(/status answered 503: .*unreachable/);
    // The workloads never depended on Temporal: still the same processes.
    expect(workloadProcesses(testPortRange).map((workload) => workload.pid)).toEqual(before.map((workload) => workload.pid));

    await temporal.start();
    const restartedAt = Date.now();
    // The same worker process reconnected by itself; the workflow's health loop runs again (a check after the restart).
    const checked = await platform.waitForState(pipelineId, (view) => view.status?.state === 'running' && Date.parse(view.status.checkedAt) > restartedAt, 90_000);
    expect(checked.running).toBe(true);
    expect(worker.running()).toBe(true);

    // Supervision goes on: a killed analyzer comes back, and the workflow's health check reports it restarted and ready.
    const analyzer = before.find((workload) => workload.kind === 'analyzer')!;
    process.kill(-analyzer.pid, 'SIGKILL');
    const killedAt = Date.now();
    const repaired = await platform.waitForState(
      pipelineId,
      (view) => view.status?.state === 'running' && Date.parse(view.status.checkedAt) > killedAt && view.status.workloads.some((workload) => workload.kind === 'analyzer' && workload.restarts >= 1 && workload.ready),
      90_000,
    );
    expect(repaired.status!.workloads.filter((workload) => workload.kind === 'analyzer')).toHaveLength(1);
    const after = workloadProcesses(testPortRange);
    expect(after.map((workload) => workload.kind).sort()).toEqual(['algorithm-server', 'analyzer']);
    expect(after.find((workload) => workload.kind === 'analyzer')!.pid).not.toBe(analyzer.pid);

    // Signals still reach it: stop removes every workload.
    await platform.stop(pipelineId);
    await platform.waitForState(pipelineId, (view) => !view.running && view.status?.state === 'stopped', 60_000);
    await waitFor(async () => workloadProcesses(testPortRange), (left) => left.length === 0, 15_000);
    expect(await worker.stop()).toBe(0);
  }, 300_000);
});
