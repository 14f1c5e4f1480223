import { describe, expect, it } from 'vitest';
import { byteSize } from './byte-size';

describe('byteSize', () => {
  it('picks the largest decimal unit that keeps the value at 1 or more', () => {
    expect(byteSize(512)).toEqual({ value: 512, unit: 'byte' });
    expect(byteSize(1500)).toEqual({ value: 1.5, unit: 'kilobyte' });
    expect(byteSize(42_000_000_000)).toEqual({ value: 42, unit: 'gigabyte' });
    expect(byteSize(3.2e12)).toEqual({ value: 3.2, unit: 'terabyte' });
    expect(byteSize(0)).toEqual({ value: 0, unit: 'byte' });
  });
});
