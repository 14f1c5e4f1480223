import { join } from 'node:path';
import type { VigilConfig } from '../../lib/config/config-schema';
import { createLocalRuntime } from '../../runtime/local/local-runtime';
import { createLogger } from '../../server/logger';

/**
 * Ctrl-C on the one-box platform stops its workloads too (algorithm servers, analyzers): the worker leaves them
 * running on purpose so that a crashed worker's successor adopts them, but a deliberate stop means everything.
 * Pipelines keep their desired state, so the next start's reconcile deploys them again.
 */
export async function stopWorkloads(config: VigilConfig, say: (message: string) => void): Promise<void> {
  const runtime = await createLocalRuntime({
    stateFile: join(config.runtime.stateDir, 'state.json'),
    logDirectory: join(config.runtime.stateDir, 'logs'),
    logger: createLogger({ level: 'error', name: 'vigil-platform' }),
    baseEnvironment: config.runtime.baseEnvironment,
    terminationGraceMs: 5000,
  });
  try {
    const workloads = await runtime.list();
    for (const workload of workloads) await runtime.remove(workload.id);
    if (workloads.length > 0) say(`stopped ${workloads.length} workload(s): ${workloads.map((w) => w.id).join(', ')}`);
  } finally {
    await runtime.close();
  }
}
