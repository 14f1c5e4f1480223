import { describe, expect, it } from 'vitest';
import type { PipelineRunStatus, WorkloadHealthView } from '../../lib/pipeline/deployment';
import { countReadyWorkloads, pipelineStateOf } from './pipeline-state';

const analyzer = (ready: boolean): WorkloadHealthView => ({ workloadId: `w-${String(ready)}`, kind: 'analyzer', serves: 'cam-node', phase: ready ? 'ready' : 'crash-loop', ready, restarts: ready ? 0 : 4 });
const status = (state: PipelineRunStatus['state'], workloads: WorkloadHealthView[] = []): PipelineRunStatus => ({ state, revision: 3, workloads, checkedAt: '2026-01-01T00:00:00Z', repairs: 1 });

describe('pipelineStateOf', () => {
  it('takes the running workflow\'s state, starting for deploys and updates', () => {
    expect(pipelineStateOf('running', 3, { running: true, status: status('running') })).toMatchObject({ state: 'running', revision: 3, repairs: 1 });
    expect(pipelineStateOf('running', 3, { running: true, status: status('degraded', [analyzer(true), analyzer(false)]) }).state).toBe('degraded');
    expect(pipelineStateOf('running', 2, { running: true, status: status('updating') }).state).toBe('starting');
    expect(pipelineStateOf('running', null, { running: true, status: status('deploying') }).state).toBe('starting');
  });

  it('reports a failed or unanswered query as unknown with the reason, not as stopped', () => {
    expect(pipelineStateOf('running', 3, { error: 'Temporal at 127.0.0.1:7233 is unreachable' })).toEqual({ state: 'unknown', revision: 3, workloads: [], problem: 'Temporal at 127.0.0.1:7233 is unreachable' });
    expect(pipelineStateOf('running', 3, { running: true, problem: 'the pipeline workflow did not answer within 5 s' })).toMatchObject({ state: 'unknown', problem: 'the pipeline workflow did not answer within 5 s' });
  });

  it('is failed when it should run but no workflow runs, stopped when the operator stopped it', () => {
    expect(pipelineStateOf('running', 3, { running: false }).state).toBe('failed');
    expect(pipelineStateOf('stopped', null, { running: false }).state).toBe('stopped');
    expect(pipelineStateOf('stopped', null, { running: false, last: { ...status('failed'), lastError: 'no such algorithm' } })).toMatchObject({ state: 'failed', problem: 'no such algorithm' });
    expect(pipelineStateOf('stopped', null, undefined).state).toBe('stopped');
  });
});

describe('countReadyWorkloads', () => {
  it('counts ready workloads out of all', () => {
    expect(countReadyWorkloads([analyzer(true), analyzer(false), analyzer(true)])).toEqual({ ready: 2, total: 3 });
  });
});
