import { join } from 'node:path';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { startMediaServer } from './server/start-media-server';
import { startStatusEndpoint } from './server/status-endpoint';

// The media process: node-media-server (RTMP in, HTTP-FLV out) plus its status endpoint. Started by scripts/start.sh.
const config = loadConfig();
const logger = createLogger({ level: config.logLevel, name: 'vigil-media' });
const { media } = config;

if (media.server !== 'builtin') {
  logger.error({ setting: 'VIGIL_MEDIA_SERVER', value: media.server }, 'the built-in media server is disabled; nothing to start');
  process.exit(2);
}

process.on('uncaughtException', (error) => {
  // node-media-server's state may be inconsistent after this; exit and let the supervisor restart the process.
  logger.error({ err: error }, 'media server crashed');
  process.exit(1);
});

const server = await startMediaServer({ host: media.host, rtmpPort: media.rtmpPort, flvPort: media.flvPort, dataDir: join(config.dataDir, 'media'), logger });
const statusServer = await startStatusEndpoint({ host: media.statusHost, port: media.statusPort, status: () => server.status() });
logger.info(
  { rtmp: `rtmp://${media.host}:${media.rtmpPort}`, flv: `http://${media.host}:${media.flvPort}`, status: `http://${media.statusHost}:${media.statusPort}/streams` },
  'media server ready',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'media server stopping');
    statusServer.close();
    // Players on keep-alive connections would hold the HTTP server open: give the store a moment to flush, then go.
    const exit = setTimeout(() => process.exit(0), 2000);
    void server.stop().finally(() => {
      clearTimeout(exit);
      process.exit(0);
    });
  });
}
