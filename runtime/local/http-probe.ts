import { request } from 'node:http';

/**
 * One HTTP health check, answered like a Kubernetes httpGet probe: 200–399 within the timeout is healthy,
 * anything else (refused, reset, slow, 5xx) is not. No connection reuse, so a hung server cannot hide behind a pooled socket.
 */
export function probeHttp(target: { host: string; port: number; path: string }, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const outgoing = request({ host: target.host, port: target.port, path: target.path, method: 'GET', agent: false, timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 400);
    });
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.on('error', () => resolve(false));
    outgoing.end();
  });
}
