import { createServer } from 'node:net';
import { NoFreePortError } from './local-runtime-errors';

export interface PortRange {
  min: number;
  max: number;
}

/**
 * Hands out ports from a range. A port is given only when no workload holds it and binding to it succeeds now;
 * the search resumes after the last port given, so a port just released is not reused at once (a client may
 * still talk to the old process's address).
 */
export class PortAllocator {
  private readonly held = new Set<number>();
  private cursor: number;

  constructor(private readonly range: PortRange) {
    if (range.min < 1 || range.max > 65_535 || range.min > range.max) throw new Error(`invalid port range ${range.min}–${range.max}`);
    this.cursor = range.min;
  }

  /** Marks a port as taken by a workload found running (adoption) without probing it: its process holds it. */
  hold(port: number): void {
    this.held.add(port);
  }

  release(port: number): void {
    this.held.delete(port);
  }

  isHeld(port: number): boolean {
    return this.held.has(port);
  }

  /** Tries `preferred` first (a restarting workload keeps its address when it can). */
  async allocate(preferred?: number): Promise<number> {
    if (preferred !== undefined && (await this.tryTake(preferred))) return preferred;
    const size = this.range.max - this.range.min + 1;
    for (let step = 0; step < size; step += 1) {
      const port = this.range.min + ((this.cursor - this.range.min + step) % size);
      if (await this.tryTake(port)) {
        this.cursor = port === this.range.max ? this.range.min : port + 1;
        return port;
      }
    }
    throw new NoFreePortError(this.range);
  }

  // Held before the bind check so that two concurrent allocations cannot both pick the same port.
  private async tryTake(port: number): Promise<boolean> {
    if (this.held.has(port) || port < this.range.min || port > this.range.max) return false;
    this.held.add(port);
    if (await isPortFree(port)) return true;
    this.held.delete(port);
    return false;
  }
}

/** Binding on all interfaces conflicts with any listener on the port (IPv4, or dual-stack IPv6). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}
