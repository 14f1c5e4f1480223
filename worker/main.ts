import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Runtime, type NativeConnection, type Worker } from '@temporalio/worker';
import { migrateToLatest, openDatabase } from '../db/connect';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createSecretBox, loadSecretKey } from '../server/secrets/secret-box';
import { createLocalRuntime } from '../runtime/local/local-runtime';
import { createKubernetesRuntime } from '../runtime/kubernetes/kubernetes-runtime';
import type { WorkloadRuntime } from '../runtime/workload-runtime.port';
import { createRelaySet } from '../media/relay/relay-set';
import { connectWithRetry } from './connect-with-retry';
import { logWorkloadChanges } from './log-workload-changes';
import { createWorker } from './create-worker';
import { ensureSchedules } from './ensure-schedules';
import { toSdkLogger } from './sdk-logger';

// The worker process's composition root: config, logger, database, Temporal connection, activities.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'vigil-worker' });
// Signals are handled below (they must also interrupt the connect loop), so the SDK installs none of its own.
Runtime.install({ logger: toSdkLogger(logger), shutdownSignals: [] });

const stopping = new AbortController();
let worker: Worker | undefined;

function requestShutdown(signal: NodeJS.Signals): void {
  if (stopping.signal.aborted) {
    logger.warn({ signal }, 'second signal: exiting without draining');
    process.exit(130);
  }
  logger.info({ signal }, 'shutting down the worker');
  stopping.abort();
  if (worker?.getState() === 'RUNNING') worker.shutdown();
}
process.on('SIGINT', requestShutdown);
process.on('SIGTERM', requestShutdown);

async function main(): Promise<void> {
  const db = await openDatabase(config.database);
  // The worker owns the workload runtime: pipeline activities deploy through it. Closing it leaves workloads
  // running, so that the next worker adopts them instead of restarting every analyzer.
  const runtime: WorkloadRuntime = config.runtime.kind === 'kubernetes'
    ? createKubernetesRuntime({ ...config.runtime.kubernetes, logger: logger.child({ component: 'runtime' }) })
    : await createLocalRuntime({
      stateFile: join(config.runtime.stateDir, 'state.json'),
      logDirectory: join(config.runtime.stateDir, 'logs'),
      logger: logger.child({ component: 'runtime' }),
      portRange: { min: config.runtime.portRange.from, max: config.runtime.portRange.to },
      baseEnvironment: config.runtime.baseEnvironment,
    });
  // Camera relays live here, beside the runtime (docs/decisions/0006): pipeline activities keep them equal to the
  // cameras of running pipelines. No media server: none, analyzers open their cameras directly.
  const relays = config.media.server === 'builtin'
    ? createRelaySet({ server: { host: config.media.internalHost, rtmpPort: config.media.rtmpPort }, logger: logger.child({ component: 'relays' }) })
    : undefined;
  let connection: NativeConnection | undefined;
  // Crash loops, failures and recoveries of algorithm servers and analyzers, as they happen, in this log.
  const workloadLog = logWorkloadChanges(runtime, logger.child({ component: 'workloads' }));
  try {
    await migrateToLatest(db);
    const { address, namespace, taskQueue } = config.temporal;
    logger.info({ address, namespace, taskQueue }, 'starting the worker');
    connection = await connectWithRetry(address, logger, stopping.signal);
    // The same key file as the web app's: the worker unseals the callback secrets the web app sealed.
    const secrets = createSecretBox(loadSecretKey(config.secretKey, join(config.dataDir, 'secret.key')));
    worker = await createWorker({ connection, namespace, taskQueue, deps: { db, logger, secrets, dataDir: config.dataDir, pipelines: { config, runtime, relays, repositoryRoot: fileURLToPath(new URL('..', import.meta.url)) } } });
    await ensureSchedules({ connection, namespace, taskQueue, db, logger });
    if (stopping.signal.aborted) return;
    logger.info({ taskQueue }, 'worker polling');
    await worker.run();
    logger.info('worker stopped');
  } finally {
    // Unlike analyzers, relays are this process's children: stop them cleanly; the next worker's first sync restarts them.
    await relays?.stopAll();
    await workloadLog.stop();
    await runtime.close();
    await connection?.close();
    await db.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (stopping.signal.aborted && error instanceof Error && error.name === 'AbortError') process.exit(0);
    logger.fatal({ err: error }, 'worker failed');
    process.exit(1);
  },
);
