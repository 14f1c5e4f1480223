import { join } from 'node:path';
import type { VigilConfig } from '../../lib/config/config-schema';
import type { WorkflowEnginePort } from '../../server/temporal/temporal.port';
import { isLocalHost, parseHostPort } from './host-port';
import { pollUntil } from './poll-until';
import { spawnPrefixed } from './prefixed-child';
import type { Supervisor } from './supervisor';
import { buildDevServerArgs } from './temporal-dev-server';
import { isTcpReachable } from './wait-for-tcp';

export interface TemporalStart {
  /** The Web UI we started, or undefined when an existing server is used. */
  uiUrl?: string;
}

/** Uses the Temporal server at TEMPORAL_ADDRESS when one answers; otherwise starts a dev server there and waits for it. */
export async function startTemporal(
  config: VigilConfig,
  context: { engine: WorkflowEnginePort; supervisor: Supervisor; signal: AbortSignal; say: (message: string) => void; env: NodeJS.ProcessEnv },
): Promise<TemporalStart> {
  const { address, uiPort, namespace } = config.temporal;
  const { host, port } = parseHostPort(address, 'TEMPORAL_ADDRESS');
  const waitForHealth = (timeoutMs: number) =>
    pollUntil(`Temporal at ${address}`, () => context.engine.checkHealth().then(() => true), { timeoutMs, intervalMs: 300, signal: context.signal });

  if (await isTcpReachable(host, port)) {
    context.say(`using the Temporal server already listening at ${address}`);
    await waitForHealth(10_000);
    return {};
  }
  if (!isLocalHost(host)) {
    throw new Error(`Temporal at ${address} is not reachable, and a dev server can only be started for an address on this machine`);
  }
  const binary = config.temporal.binary ?? 'temporal';
  const args = buildDevServerArgs({ host, port, uiPort, namespace, dbFile: join(config.dataDir, 'temporal.db') });
  context.say(`starting the Temporal dev server: ${binary} ${args.join(' ')}`);
  const started = Date.now();
  context.supervisor.add(spawnPrefixed('temporal', binary, args, { env: context.env }));
  await waitForHealth(60_000);
  context.say(`Temporal ready at ${address} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const uiHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  return { uiUrl: `http://${uiHost}:${uiPort}` };
}
