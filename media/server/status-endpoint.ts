import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { MediaServerStatus } from '../../lib/media/stream-status';

/**
 * The media process's read-only status, for the web app's GET /api/v1/streams (the web app runs in another process).
 * node-media-server's own API needs its JWT login; this is smaller, and bound to loopback by default.
 */
export async function startStatusEndpoint(options: { host: string; port: number; status: () => MediaServerStatus }): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') {
      response.writeHead(405, { allow: 'GET' }).end();
    } else if (path === '/streams') {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(options.status()));
    } else if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('GET /streams or /healthz\n');
    }
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  return server;
}
