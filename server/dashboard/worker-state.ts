import type { SystemHealth } from '../../lib/contracts/dashboard';
import type { TaskQueuePoller } from '../temporal/temporal.port';

// Workers long-poll for about a minute at a time, so an idle but healthy worker was last seen up to ~70 s ago.
const recentPollMs = 120_000;

/** Whether a worker serves the task queue: one polled it recently. */
export function workerStateOf(pollers: readonly TaskQueuePoller[], taskQueue: string, now: Date): SystemHealth['worker'] {
  const times = pollers.flatMap((poller) => (poller.lastAccessTime ? [poller.lastAccessTime] : [])).sort();
  const lastPollAt = times.at(-1) ?? null;
  const recent = pollers.filter((poller) => poller.lastAccessTime && now.getTime() - Date.parse(poller.lastAccessTime) <= recentPollMs);
  return { state: recent.length > 0 ? 'polling' : 'absent', taskQueue, pollers: recent.length, lastPollAt };
}
