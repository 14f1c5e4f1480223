import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { routeFlvRequest } from '../../lib/media/flv-request-route';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;
type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Puts routeFlvRequest in front of node-media-server's own HTTP and WebSocket listeners (it owns the server;
 * this only wraps the listeners it registered): bad stream paths get a 400, the seed alias is rewritten.
 */
export function installFlvRequestGuard(server: Server): void {
  const requestListeners = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const decision = routeFlvRequest(request.url ?? '/', false);
    if (decision.action === 'reject') {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`${decision.reason}\n`);
      return;
    }
    if (decision.action === 'rewrite') request.url = decision.url;
    for (const listener of requestListeners) listener.call(server, request, response);
  });

  const upgradeListeners = server.listeners('upgrade') as UpgradeListener[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const decision = routeFlvRequest(request.url ?? '/', true);
    if (decision.action === 'reject') {
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${decision.reason}\n`);
      return;
    }
    if (decision.action === 'rewrite') request.url = decision.url;
    for (const listener of upgradeListeners) listener.call(server, request, socket, head);
  });
}
