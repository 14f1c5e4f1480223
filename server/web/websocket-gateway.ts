import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppContext } from '../app-context';
import { authenticate } from '../auth/authenticate';
import { getEventHub, type RealtimeMessage } from '../realtime/event-hub';

// A client that cannot keep up is dropped rather than buffering without bound.
const maxBufferedBytes = 4 * 1024 * 1024;
const heartbeatMs = 30_000;

function toRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(key, value);
  return new Request(`http://localhost${request.url ?? '/'}`, { headers });
}

/**
 * The live feed (alarms, status) over websocket. Clients authenticate like API calls (session cookie or
 * `Authorization: Bearer`, or `?token=` for clients that cannot set headers) and may filter with `?channels=a,b`.
 */
export function createWebsocketGateway(app: AppContext): { handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void; close(): void } {
  const server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const alive = new WeakMap<WebSocket, boolean>();
  const unsubscribe = getEventHub().subscribe((message: RealtimeMessage) => {
    const text = JSON.stringify(message);
    for (const client of server.clients) {
      const channels = (client as WebSocket & { vigilChannels?: Set<string> }).vigilChannels;
      if (channels && !channels.has(message.channel)) continue;
      if (client.bufferedAmount > maxBufferedBytes) client.terminate();
      else client.send(text);
    }
  });
  const heartbeat = setInterval(() => {
    for (const client of server.clients) {
      if (alive.get(client) === false) client.terminate();
      else {
        alive.set(client, false);
        client.ping();
      }
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      const fetchRequest = toRequest(request);
      const url = new URL(fetchRequest.url);
      const token = url.searchParams.get('token');
      if (token) fetchRequest.headers.set('authorization', `Bearer ${token}`);
      authenticate(app.db, fetchRequest, app.now())
        .then((principal) => {
          if (!principal) {
            socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
            return;
          }
          server.handleUpgrade(request, socket, head, (client) => {
            const channels = url.searchParams.get('channels');
            if (channels) (client as WebSocket & { vigilChannels?: Set<string> }).vigilChannels = new Set(channels.split(',').filter(Boolean));
            alive.set(client, true);
            client.on('pong', () => alive.set(client, true));
            client.send(JSON.stringify({ channel: 'system', type: 'hello', payload: { user: principal.username } }));
            app.logger.debug({ user: principal.username }, 'websocket client connected');
          });
        })
        .catch((error: unknown) => {
          app.logger.error({ err: error }, 'websocket authentication failed');
          socket.destroy();
        });
    },
    close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const client of server.clients) client.close(1001, 'server shutting down');
      server.close();
    },
  };
}
