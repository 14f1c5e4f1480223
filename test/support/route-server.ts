import { createServer, type Server } from 'node:http';
import type { RouteHandler } from './api-client';

/** Serves real route handlers over HTTP on 127.0.0.1, for processes (analyzers) that post to the platform. */
export async function startRouteServer(routes: Record<string, RouteHandler>): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const handler = routes[new URL(incoming.url ?? '/', 'http://localhost').pathname];
      if (!handler) return outgoing.writeHead(404).end();
      const headers = new Headers();
      for (const [key, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(key, value);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const request = new Request(`http://127.0.0.1${incoming.url}`, { method: incoming.method, headers, body });
      handler(request, { params: Promise.resolve({}) })
        .then(async (response) => {
          outgoing.writeHead(response.status, Object.fromEntries(response.headers));
          outgoing.end(Buffer.from(await response.arrayBuffer()));
        })
        .catch(() => outgoing.writeHead(500).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
