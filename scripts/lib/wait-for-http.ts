import { pollUntil, type PollOptions } from './poll-until';

/** Polls url until it answers with `expectedStatus` (default 200); other answers are reported as the last reason. */
export function waitForHttp(url: string, options: PollOptions & { expectedStatus?: number }): Promise<void> {
  const expected = options.expectedStatus ?? 200;
  return pollUntil(
    `GET ${url}`,
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000), cache: 'no-store' });
      const body = await response.text();
      if (response.status === expected) return true;
      throw new Error(`HTTP ${response.status} ${body.slice(0, 200)}`);
    },
    options,
  );
}
