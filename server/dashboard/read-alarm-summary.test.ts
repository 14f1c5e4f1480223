import { describe, expect, it } from 'vitest';
import { rankByType } from './read-alarm-summary';

describe('rankByType', () => {
  it('orders by count, then by name, and reads counts the drivers return as strings or bigints', () => {
    expect(rankByType([{ type: 'loitering', count: '2' }, { type: 'intrusion', count: 5 }, { type: 'fire', count: 2n }])).toEqual([
      { type: 'intrusion', count: 5 },
      { type: 'fire', count: 2 },
      { type: 'loitering', count: 2 },
    ]);
  });
});
