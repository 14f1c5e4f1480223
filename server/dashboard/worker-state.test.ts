import { describe, expect, it } from 'vitest';
import { workerStateOf } from './worker-state';

const now = new Date('2026-05-01T12:00:00Z');

describe('workerStateOf', () => {
  it('is polling when a worker polled within two minutes, counting only recent pollers', () => {
    const pollers = [
      { identity: '101@box', lastAccessTime: '2026-05-01T11:59:10Z' },
      { identity: '99@box', lastAccessTime: '2026-05-01T11:50:00Z' },
    ];
    expect(workerStateOf(pollers, 'vigil', now)).toEqual({ state: 'polling', taskQueue: 'vigil', pollers: 1, lastPollAt: '2026-05-01T11:59:10Z' });
  });

  it('is absent when no worker polled lately, and says when one last did', () => {
    expect(workerStateOf([{ identity: '99@box', lastAccessTime: '2026-05-01T11:50:00Z' }], 'vigil', now)).toEqual({ state: 'absent', taskQueue: 'vigil', pollers: 0, lastPollAt: '2026-05-01T11:50:00Z' });
    expect(workerStateOf([], 'vigil', now)).toEqual({ state: 'absent', taskQueue: 'vigil', pollers: 0, lastPollAt: null });
  });
});
