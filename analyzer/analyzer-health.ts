import { createServer, type Server } from 'node:http';

/** /healthz (alive: frames are being processed or we are honestly reconnecting), /readyz (streaming), /stats. */
export function startHealthServer(port: number, host: string, probe: { alive(): boolean; ready(): boolean; stats(): unknown }): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const answer = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path === '/healthz') answer(probe.alive() ? 200 : 503, { alive: probe.alive() });
    else if (path === '/readyz') answer(probe.ready() ? 200 : 503, { ready: probe.ready() });
    else if (path === '/stats') answer(200, probe.stats());
    else answer(404, { error: { code: 'not_found', message: 'no such path' } });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
