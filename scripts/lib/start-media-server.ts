import type { VigilConfig } from '../../lib/config/config-schema';
import { backoffDelayMs } from '../../lib/media/backoff';
import { spawnPrefixed } from './prefixed-child';
import { describeExit, type Supervisor } from './supervisor';
import { waitForHttp } from './wait-for-http';

export interface MediaServerUrls {
  rtmp: string;
  flv: string;
  status: string;
}

// A media-server crash should not take the whole platform down (players and publishers reconnect on their own).
const restartPolicy = { initialMs: 1000, maxMs: 30_000, factor: 2, jitter: 0 };
const healthyAfterMs = 60_000;

/**
 * Runs media/media-server-main.ts as a supervised child, restarted with backoff if it exits unexpectedly,
 * and waits until its status endpoint answers.
 */
export async function startMediaServer(
  config: VigilConfig,
  context: { root: string; supervisor: Supervisor; signal: AbortSignal; say: (message: string) => void; env: NodeJS.ProcessEnv },
): Promise<MediaServerUrls> {
  const { media } = config;
  let failures = 0;
  const launch = () => {
    if (context.signal.aborted) return;
    const startedAt = Date.now();
    const child = spawnPrefixed('media', process.execPath, ['--import', 'tsx', 'media/media-server-main.ts'], { cwd: context.root, env: context.env });
    // expectedToExit: its exits are handled here (restart), not as a platform crash.
    context.supervisor.add(child, { expectedToExit: true });
    void child.exited.then((exit) => {
      if (context.signal.aborted) return;
      failures = Date.now() - startedAt > healthyAfterMs ? 1 : failures + 1;
      const delay = backoffDelayMs(failures, restartPolicy);
      context.say(`media server exited (${describeExit(exit)}); restarting in ${(delay / 1000).toFixed(1)} s`);
      const timer = setTimeout(launch, delay);
      context.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    });
  };
  launch();
  const statusHost = ['0.0.0.0', '::'].includes(media.statusHost) ? '127.0.0.1' : media.statusHost;
  const status = `http://${statusHost}:${media.statusPort}/streams`;
  await waitForHttp(`http://${statusHost}:${media.statusPort}/healthz`, { timeoutMs: 30_000, intervalMs: 250, signal: context.signal });
  const shown = ['0.0.0.0', '::'].includes(media.host) ? '127.0.0.1' : media.host;
  return { rtmp: `rtmp://${shown}:${media.rtmpPort}`, flv: `http://${shown}:${media.flvPort}`, status };
}
