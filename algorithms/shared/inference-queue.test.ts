import { describe, expect, it } from 'vitest';
import { InferenceQueue } from './inference-queue';

const later = <T>(value: T, ms = 10) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('InferenceQueue', () => {
  it('runs tasks one at a time, in order', async () => {
    const queue = new InferenceQueue(4);
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await later(null);
      log.push(`end ${name}`);
      return name;
    };
    expect(await Promise.all([queue.run(task('a')), queue.run(task('b'))])).toEqual(['a', 'b']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('refuses with a 503 once `capacity` tasks wait behind the running one', async () => {
    const queue = new InferenceQueue(1);
    const running = queue.run(() => later('running'));
    await Promise.resolve();
    const waiting = queue.run(() => 'waiting');
    await expect(queue.run(() => 'refused')).rejects.toMatchObject({ status: 503, code: 'queue_full' });
    expect(await Promise.all([running, waiting])).toEqual(['running', 'waiting']);
    expect(await queue.run(() => 'after')).toBe('after');
  });

  it('keeps going after a task fails', async () => {
    const queue = new InferenceQueue(0);
    await expect(queue.run(() => Promise.reject(new Error('model exploded')))).rejects.toThrow('model exploded');
    expect(await queue.run(() => 'fine')).toBe('fine');
    await queue.drained();
  });
});
