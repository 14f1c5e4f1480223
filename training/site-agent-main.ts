import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createLogger } from '../server/logger';
import { toSdkLogger } from '../worker/sdk-logger';
import { createFileArtifactStore } from './artifact-store';
import { parseSiteAgentArgs } from './site/parse-site-agent-args';
import { createSiteActivities } from './site/site-activities';
import { startSiteHeartbeat } from './site/site-heartbeat';
import { loadOrCreateSiteKeys } from './site/site-keys';

// The site agent's composition root: a Temporal worker on `site-<id>` that trains on the site's own folder.
const args = parseSiteAgentArgs(process.argv.slice(2));
const logger = createLogger({ level: args.logLevel, name: `vigil-site-${args.siteId}` });
Runtime.install({ logger: toSdkLogger(logger), shutdownSignals: [] });
const agentVersion = '0.1.0';

async function main(): Promise<void> {
  const keys = await loadOrCreateSiteKeys(args.dataDir);
  const workerConnection = await NativeConnection.connect({ address: args.temporalAddress });
  const clientConnection = await Connection.connect({ address: args.temporalAddress });
  const client = new Client({ connection: clientConnection, namespace: args.namespace });
  const taskQueue = `site-${args.siteId}`;
  const worker = await Worker.create({
    connection: workerConnection,
    namespace: args.namespace,
    taskQueue,
    activities: createSiteActivities({ siteId: args.siteId, dataDir: args.dataDir, artifacts: createFileArtifactStore(args.artifactsDir), keys, logger }),
    // One training at a time: tfjs runs single-threaded, a second would only halve both.
    maxConcurrentActivityTaskExecutions: 1,
    shutdownGraceTime: '2s',
  });
  const heartbeat = startSiteHeartbeat({ client, siteId: args.siteId, dataDir: args.dataDir, publicKey: keys.publicKey, platformTaskQueue: args.platformTaskQueue, intervalMs: args.heartbeatSeconds * 1000, logger, version: agentVersion });
  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'site agent stopping');
    heartbeat.stop();
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await heartbeat.beatNow().catch((error: unknown) => logger.warn({ err: error }, 'first heartbeat failed; the agent keeps polling and retries'));
  logger.info({ siteId: args.siteId, taskQueue, dataDir: args.dataDir }, 'site agent polling');
  try {
    await worker.run();
  } finally {
    heartbeat.stop();
    await clientConnection.close();
    await workerConnection.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    logger.fatal({ err: error }, 'site agent failed');
    process.exit(1);
  },
);
