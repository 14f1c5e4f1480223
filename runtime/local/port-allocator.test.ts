import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NoFreePortError } from './local-runtime-errors';
import { PortAllocator } from './port-allocator';

const listening: Server[] = [];
const occupy = (port: number) =>
  new Promise<void>((resolve) => {
    const server = createServer();
    listening.push(server);
    server.listen(port, '127.0.0.1', () => resolve());
  });

describe('PortAllocator', () => {
  afterEach(async () => {
    await Promise.all(listening.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  const base = 46_000 + (process.pid % 50) * 20;

  it('skips ports in use and ports held by workloads, and does not hand a released port out again at once', async () => {
    const ports = new PortAllocator({ min: base, max: base + 3 });
    await occupy(base);
    ports.hold(base + 1); // adopted workload
    expect(await ports.allocate()).toBe(base + 2);
    expect(await ports.allocate()).toBe(base + 3);
    ports.release(base + 2);
    await expect(ports.allocate()).resolves.toBe(base + 2); // wrapped around: only free one left
    await expect(ports.allocate()).rejects.toBeInstanceOf(NoFreePortError);
  });

  it('gives a restarting workload its previous port when it is free, and another one when it is not', async () => {
    const ports = new PortAllocator({ min: base + 10, max: base + 13 });
    expect(await ports.allocate(base + 12)).toBe(base + 12);
    ports.release(base + 12);
    await occupy(base + 12);
    expect(await ports.allocate(base + 12)).toBe(base + 10);
  });

  it('never gives two concurrent requests the same port', async () => {
    const ports = new PortAllocator({ min: base + 15, max: base + 19 });
    const given = await Promise.all([ports.allocate(), ports.allocate(), ports.allocate()]);
    expect(new Set(given).size).toBe(3);
  });
});
