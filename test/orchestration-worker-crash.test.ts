import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import { testPortRange } from './support/local-runtime-harness';
import { startPipelinePlatform, type PipelinePlatform } from './support/pipeline-platform';
import { startTemporalDevServer, waitFor } from './support/temporal-harness';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process';
import { persistedWorkloads, workloadProcesses } from './support/workload-processes';

const taskQueue = `orchestration-crash-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'orchestration-crash-test' });

async function analyzerStats(port: number): Promise<{ ready: boolean; outbox?: { sent: number; rejected: number } }> {
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1000) }).then((res) => res.ok, () => false);
  const stats = await fetch(`http://127.0.0.1:${port}/stats`, { signal: AbortSignal.timeout(1000) }).then((res) => res.json() as Promise<{ outbox: { sent: number; rejected: number } }>, () => undefined);
  return { ready, ...(stats ? { outbox: stats.outbox } : {}) };
}

describe('a worker process killed in the middle of a deploy (real Temporal, real worker processes)', () => {
  let env: TestWorkflowEnvironment;
  let platform: PipelinePlatform;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    platform = await startPipelinePlatform({ temporalAddress: env.address, taskQueue, logger });
  }, 60_000);

  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    // Whatever a failed run left behind: only this test's own workloads (its port slice), by pid.
    for (const workload of workloadProcesses(testPortRange)) process.kill(-workload.pid, 'SIGKILL');
    await platform?.close();
    await env?.teardown();
  });

  it('a second worker finishes the deploy exactly once: one analyzer, one algorithm server, running, nothing left after stop', async () => {
    const { pipelineId } = await platform.createMotionPipeline('Crash mid-deploy');
    const dataDir = platform.t.app.config.dataDir;
    const first = startWorkerProcess(platform.workerEnvironment());
    workers.push(first);
    await first.waitForLog('worker polling');

    await platform.deploy(pipelineId);
    // The deploy activity is under way: the algorithm server is up and the analyzer launched (and recorded by the
    // runtime), but the analyzer is not ready yet, so the activity is still waiting on it.
    const launched = await waitFor(() => persistedWorkloads(dataDir), (records) => records.some((record) => record.spec.kind === 'analyzer' && record.process), 90_000);
    const analyzerRecord = launched.find((record) => record.spec.kind === 'analyzer')!;
    const before = await analyzerStats(analyzerRecord.port!);
    await first.kill();
    expect(before.ready, 'the analyzer was already ready when the worker was killed').toBe(false);
    expect(launched.map((record) => record.spec.kind).sort()).toEqual(['algorithm-server', 'analyzer']);
    const orphans = workloadProcesses(testPortRange);
    expect(orphans.map((workload) => workload.kind).sort()).toEqual(['algorithm-server', 'analyzer']);
    const row = await platform.t.app.db.selectFrom('pipelines').select(['deployed_revision']).where('id', '=', pipelineId).executeTakeFirstOrThrow();
    expect(row.deployed_revision, 'the deploy had already been recorded when the worker was killed').toBeNull();

    // The next worker adopts the running processes; Temporal retries the deploy activity once its heartbeat is
    // overdue, and the retry finds everything already there.
    const second = startWorkerProcess(platform.workerEnvironment());
    workers.push(second);
    await second.waitForLog('worker polling');
    const running = await platform.waitForState(pipelineId, (view) => view.status?.state === 'running', 120_000);
    expect(running.deployedRevision).toBe(1);
    expect(running.status!.workloads.map((workload) => `${workload.kind}:${workload.ready}`).sort()).toEqual(['algorithm-server:true', 'analyzer:true']);

    const live = workloadProcesses(testPortRange);
    expect(live.map((workload) => workload.kind).sort()).toEqual(['algorithm-server', 'analyzer']);
    // The very processes the killed worker started: adopted, not started a second time.
    expect(live.map((workload) => workload.pid).sort()).toEqual(orphans.map((workload) => workload.pid).sort());
    const records = await persistedWorkloads(dataDir);
    expect(records.map((record) => `${record.spec.kind}:${record.owners.join(',')}`).sort()).toEqual([`algorithm-server:${pipelineId}`, `analyzer:${pipelineId}`]);

    // The adopted analyzer still reports alarms: the retried deploy did not revoke the token it was started with.
    const handedOver = await analyzerStats(analyzerRecord.port!);
    const reported = await waitFor(() => analyzerStats(analyzerRecord.port!), (stats) => (stats.outbox?.sent ?? 0) > (handedOver.outbox?.sent ?? 0), 60_000);
    expect(reported.outbox!.rejected).toBe(0);

    await platform.stop(pipelineId);
    await platform.waitForState(pipelineId, (view) => !view.running && view.status?.state === 'stopped', 60_000);
    expect(await persistedWorkloads(dataDir)).toEqual([]);
    await waitFor(async () => workloadProcesses(testPortRange), (left) => left.length === 0, 15_000);
    expect(await second.stop()).toBe(0);
  }, 240_000);
});
