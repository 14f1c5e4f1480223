import { describe, expect, it } from 'vitest';
import { fitInputSize } from './letterbox';

describe('fitInputSize', () => {
  it('scales the long side to the target and rounds the short side up to the multiple', () => {
    expect(fitInputSize({ width: 640, height: 360 }, 256, 32)).toEqual({ width: 256, height: 160 });
    expect(fitInputSize({ width: 360, height: 640 }, 448, 32)).toEqual({ width: 256, height: 448 });
    expect(fitInputSize({ width: 1000, height: 10 }, 256, 32)).toEqual({ width: 256, height: 32 });
  });
});
