/** What one HTTP answer means for a delivery: done, try again later, or give up now. */
export type ResponseVerdict = 'delivered' | 'retry' | 'rejected';

/**
 * 2xx delivers. 408 and 429 are the receiver asking for time, 5xx is its own failure: retry. Any other 4xx says
 * the request itself is wrong and will stay wrong, so retrying only adds load. Redirects are not followed (the
 * new location would bypass the URL policy), so a 3xx is final too.
 */
export function judgeResponseStatus(status: number): ResponseVerdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** Retry-After (seconds or an HTTP date) as a delay, capped so a receiver cannot park a delivery past its retry period. */
export function retryAfterMs(header: string | null | undefined, nowMs: number, capMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  const delay = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - nowMs;
  if (!Number.isFinite(delay) || delay <= 0) return undefined;
  return Math.min(delay, capMs);
}

/** How a delivery retries: exponential backoff (×2) from `initialIntervalMs` up to `maximumIntervalMs`, for `retryPeriodMs` in all. */
export interface DeliveryRetryPlan {
  retryPeriodMs: number;
  initialIntervalMs: number;
  maximumIntervalMs: number;
  /** Per attempt: the callback node's timeout plus room for DNS and the database. */
  attemptTimeoutMs: number;
}

export function deliveryRetryPlan(input: { retryHours: number; timeoutSeconds: number; overrides?: Partial<DeliveryRetryPlan> }): DeliveryRetryPlan {
  return {
    retryPeriodMs: input.retryHours * 3_600_000,
    initialIntervalMs: 1000,
    maximumIntervalMs: 600_000,
    attemptTimeoutMs: input.timeoutSeconds * 1000 + 5000,
    ...input.overrides,
  };
}
