import { describe, expect, it } from 'vitest';
import type { WorkloadStatus } from './workload-runtime.port';
import { WorkloadChangeTracker } from './workload-change-tracker';

const status = (id: string, extra: Partial<WorkloadStatus> = {}): WorkloadStatus => ({
  id,
  kind: 'analyzer',
  labels: {},
  owners: ['pip_a'],
  specHash: 'h1',
  phase: 'ready',
  ready: true,
  restarts: 0,
  since: '2026-12-05T10:00:00.000Z',
  ...extra,
});

describe('WorkloadChangeTracker', () => {
  it('reports a workload once per reported state, not per observation or per new `since`', () => {
    const tracker = new WorkloadChangeTracker();
    expect(tracker.observe('a', status('a'))).toEqual({ id: 'a', status: status('a') });
    expect(tracker.observe('a', status('a', { since: '2026-12-05T11:00:00.000Z' }))).toBeUndefined();
    expect(tracker.observe('a', status('a', { phase: 'crash-loop', ready: false, restarts: 2 }))?.status?.phase).toBe('crash-loop');
    expect(tracker.observe('a', status('a', { phase: 'crash-loop', ready: false, restarts: 3 }))?.status?.restarts).toBe(3);
    expect(tracker.observe('a', status('a', { owners: ['pip_a', 'pip_b'], phase: 'crash-loop', ready: false, restarts: 3 }))?.status?.owners).toEqual(['pip_a', 'pip_b']);
  });

  it('reports a removal once, and nothing for a workload it never saw', () => {
    const tracker = new WorkloadChangeTracker();
    expect(tracker.observe('ghost', undefined)).toBeUndefined();
    tracker.observe('a', status('a'));
    expect(tracker.observe('a', undefined)).toEqual({ id: 'a', status: undefined });
    expect(tracker.observe('a', undefined)).toBeUndefined();
  });

  it('turns a full listing into changes and removals of what is no longer listed', () => {
    const tracker = new WorkloadChangeTracker();
    expect(tracker.observeAll([status('a'), status('b')]).map((change) => change.id)).toEqual(['a', 'b']);
    expect(tracker.observeAll([status('b', { ready: false, phase: 'running' })])).toEqual([
      { id: 'b', status: status('b', { ready: false, phase: 'running' }) },
      { id: 'a', status: undefined },
    ]);
    // a is forgotten: listed again, it is new again.
    expect(tracker.observeAll([status('a'), status('b', { ready: false, phase: 'running' })])).toEqual([{ id: 'a', status: status('a') }]);
  });
});
