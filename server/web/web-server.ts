import { createServer, type Server } from 'node:http';
import next from 'next';
import { getAppContext } from '../app-context';
import { createWebsocketGateway } from './websocket-gateway';

/**
 * The web process: Next.js (pages and /api/v1) plus the websocket feed at /ws on the same port, and on the
 * seed platform's port 5200 as an alias. A custom server because Next's route handlers cannot upgrade.
 */
async function main(): Promise<void> {
  const app = await getAppContext();
  const { port, host, websocketAliasPort } = app.config;
  const nextApp = next({ dev: false, dir: process.cwd(), hostname: host, port });
  const handle = nextApp.getRequestHandler();
  await nextApp.prepare();
  const gateway = createWebsocketGateway(app);

  const web = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      app.logger.error({ err: error }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const servers: Server[] = [web];
  web.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname === '/ws') gateway.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  await listen(web, port, host);
  app.logger.info({ port, host }, 'web listening (HTTP and /ws)');

  if (websocketAliasPort > 0) {
    const alias = createServer((_request, response) => response.writeHead(426, { upgrade: 'websocket' }).end('websocket only'));
    alias.on('upgrade', (request, socket, head) => gateway.handleUpgrade(request, socket, head));
    await listen(alias, websocketAliasPort, host);
    servers.push(alias);
    app.logger.info({ port: websocketAliasPort }, 'websocket alias listening');
  }

  const shutdown = (signal: string) => {
    app.logger.info({ signal }, 'web shutting down');
    gateway.close();
    for (const server of servers) server.close();
    void app.workflows.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

await main();
