import { describe, expect, it } from 'vitest';
import { deliveryRetryPlan, judgeResponseStatus, retryAfterMs } from './delivery-outcome';

describe('judgeResponseStatus', () => {
  it('delivers on 2xx, retries 408/429/5xx, gives up on other 4xx and 3xx', () => {
    expect([200, 201, 204, 299].map(judgeResponseStatus)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    expect([408, 429, 500, 502, 503, 504].map(judgeResponseStatus)).toEqual(new Array(6).fill('retry'));
    expect([400, 401, 403, 404, 405, 410, 413, 422, 301, 302, 307].map(judgeResponseStatus)).toEqual(new Array(11).fill('rejected'));
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, capped, ignoring nonsense', () => {
    const now = Date.parse('2026-11-01T00:00:00Z');
    expect(retryAfterMs('30', now, 3_600_000)).toBe(30_000);
    expect(retryAfterMs('99999', now, 3_600_000)).toBe(3_600_000);
    expect(retryAfterMs('Sun, 01 Nov 2026 00:01:00 GMT', now, 3_600_000)).toBe(60_000);
    expect(retryAfterMs('soon', now, 3_600_000)).toBeUndefined();
    expect(retryAfterMs(null, now, 3_600_000)).toBeUndefined();
    expect(retryAfterMs('0', now, 3_600_000)).toBeUndefined();
  });
});

describe('deliveryRetryPlan', () => {
  it('retries for the configured hours with the node timeout plus slack per attempt', () => {
    expect(deliveryRetryPlan({ retryHours: 24, timeoutSeconds: 10 })).toEqual({ retryPeriodMs: 86_400_000, initialIntervalMs: 1000, maximumIntervalMs: 600_000, attemptTimeoutMs: 15_000 });
    expect(deliveryRetryPlan({ retryHours: 24, timeoutSeconds: 10, overrides: { retryPeriodMs: 3000 } }).retryPeriodMs).toBe(3000);
  });
});
