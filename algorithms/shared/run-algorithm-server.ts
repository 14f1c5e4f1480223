import type { AddressInfo } from 'node:net';
import { createLogger } from '../../server/logger';
import { AlgorithmServer } from './algorithm-server';
import { createDetector, type DetectorName } from './detector-registry';
import { readServerOptions } from './read-server-options';

/** Give in-flight inferences this long after SIGTERM before exiting anyway (Kubernetes waits 30 s by default). */
const shutdownGraceMs = 10_000;

/** The composition root of one algorithm server process: options → logger → HTTP server → model. */
export async function runAlgorithmServer(name: DetectorName): Promise<void> {
  const options = readServerOptions();
  const logger = createLogger({ level: options.logLevel, name: `algorithm-${name}` });
  const algorithmServer = new AlgorithmServer({ queueSize: options.queueSize, maxBodyBytes: options.maxBodyBytes, logger });
  handleShutdown(algorithmServer, logger);

  await new Promise<void>((resolve, reject) => {
    algorithmServer.server.once('error', reject);
    algorithmServer.server.listen(options.port, options.host, resolve);
  });
  const { port } = algorithmServer.server.address() as AddressInfo;
  logger.info({ port, host: options.host, queueSize: options.queueSize, maxBodyBytes: options.maxBodyBytes }, 'listening');

  const started = performance.now();
  try {
    const detector = await createDetector(name);
    algorithmServer.setDetector(detector);
    await detector.load();
    algorithmServer.markReady();
    logger.info({ loadMs: Math.round(performance.now() - started), labels: detector.info.labels }, 'model loaded');
  } catch (error) {
    // Fail fast: a server that cannot load its model must not linger unready; the supervisor restarts it.
    logger.fatal({ err: error }, 'model failed to load');
    process.exit(1);
  }
}

function handleShutdown(algorithmServer: AlgorithmServer, logger: ReturnType<typeof createLogger>): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing accepted inferences');
    setTimeout(() => {
      logger.warn({ graceMs: shutdownGraceMs }, 'shutdown grace period over; exiting with work unfinished');
      process.exit(1);
    }, shutdownGraceMs).unref();
    algorithmServer.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
