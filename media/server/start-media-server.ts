import { once } from 'node:events';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { MediaServerStatus } from '../../lib/media/stream-status';
import type { MediaLogger } from '../media-logger';
import { installFlvRequestGuard } from './flv-request-guard';
import type { NmsModules } from './nms-types';
import { readStreamStatus } from './read-stream-status';

export interface MediaServerOptions {
  /** Bind address of RTMP and HTTP-FLV. */
  host: string;
  rtmpPort: number;
  flvPort: number;
  /** node-media-server keeps a small JSON store (stream history) under here. */
  dataDir: string;
  logger: MediaLogger;
}

export interface MediaServer {
  status(): MediaServerStatus;
  stop(): Promise<void>;
}

let started = false;

function loadNms(): NmsModules {
  const require = createRequire(import.meta.url);
  // Deep requires: its context, logger and rate sampler are module singletons the package does not export.
  return {
    NodeMediaServer: require('node-media-server') as NmsModules['NodeMediaServer'],
    context: require('node-media-server/src/core/context.js') as NmsModules['context'],
    logger: require('node-media-server/src/core/logger.js') as NmsModules['logger'],
    rateSampler: (require('node-media-server/src/core/rate_sampler.js') as { rateSampler: NmsModules['rateSampler'] }).rateSampler,
  };
}

/**
 * node-media-server 4.4 (RTMP ingest, HTTP-FLV and WS-FLV playback) started from code, not from its bin (which
 * rewrites its config file with generated secrets). Its state is module-global, so one per process.
 */
export async function startMediaServer(options: MediaServerOptions): Promise<MediaServer> {
  if (started) throw new Error('the media server is already running in this process (node-media-server keeps global state)');
  started = true;
  const nms = loadNms();
  const { logger } = options;
  // Its own log lines go through pino; its per-session chatter is debug, Vigil logs publishes itself.
  nms.logger.log = (message: string, level = 'info') => {
    if (level === 'error') logger.error({ component: 'node-media-server' }, message);
    else if (level === 'warn') logger.warn({ component: 'node-media-server' }, message);
    else logger.debug({ component: 'node-media-server' }, message);
  };
  const server = new nms.NodeMediaServer({
    bind: options.host,
    rtmp: { port: options.rtmpPort },
    http: { port: options.flvPort },
    record: { auto: false, path: join(options.dataDir, 'record') },
    store: { path: join(options.dataDir, 'store') },
    // Its console needs its JWT admin API, which Vigil does not enable; status goes through Vigil's own endpoint.
    webadmin: { enable: false },
  });
  server.on('postPublish', (session) => logger.info({ stream: session.streamPath, protocol: session.protocol }, 'stream published'));
  server.on('donePublish', (session) => logger.info({ stream: session.streamPath }, 'stream unpublished'));
  const httpServer = server.httpServer.httpServer;
  const rtmpServer = server.rtmpServer.tcpServer;
  if (!httpServer || !rtmpServer) throw new Error('node-media-server did not create its listeners');
  installFlvRequestGuard(httpServer);
  const listening = Promise.all([once(httpServer, 'listening'), once(rtmpServer, 'listening')]);
  await server.run();
  await listening;
  const startedAt = new Date().toISOString();
  return {
    status: () => ({
      startedAt,
      rtmpPort: options.rtmpPort,
      flvPort: options.flvPort,
      streams: readStreamStatus(nms.context.broadcasts, (path) => nms.rateSampler.getStreamRates(path)),
    }),
    stop: () => server.stop(),
  };
}
