import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTP receiver: answers each path with the scripted statuses in turn (then 200) and keeps every request. */
export class CallbackReceiver {
  readonly received: ReceivedCallback[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server: Server | undefined;
  port = 0;

  constructor(private readonly host = '127.0.0.1') {}

  script(path: string, statuses: number[]): void {
    this.scripts.set(path, [...statuses]);
  }

  requestsTo(path: string): ReceivedCallback[] {
    return this.received.filter((request) => request.path === path);
  }

  url(path: string, host = this.host): string {
    return `http://${host}:${this.port}${path}`;
  }

  /** Listens on `port` (0: any free one); a stopped receiver can come back on the same port. */
  async start(port = this.port): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.scripts.get(path)?.shift() ?? 200;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : `scripted ${status}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, this.host, resolve);
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
