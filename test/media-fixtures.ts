import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFfmpegArgs } from '../lib/media/ffmpeg-args';
import { mediaServerStatusSchema, type MediaServerStatus } from '../lib/media/stream-status';

// Shared by test/media-*.test.ts: the real media process, synthetic cameras, silent ports. Everything on 127.0.0.1.

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface MediaServerProcess {
  rtmpPort: number;
  flvPort: number;
  statusPort: number;
  rtmpUrl(path: string): string;
  flvUrl(path: string): string;
  status(): Promise<MediaServerStatus>;
  /** SIGKILL: the server vanishes mid-stream. */
  kill(): Promise<void>;
  /** Starts it again on the same ports. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** media/media-server-main.ts as the start command runs it, configured through the environment. */
export async function startMediaServerProcess(): Promise<MediaServerProcess> {
  const [rtmpPort, flvPort, statusPort] = [await freePort(), await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'vigil-media-'));
  const env = {
    ...process.env, VIGIL_DATA_DIR: dataDir, VIGIL_MEDIA_HOST: '127.0.0.1', VIGIL_LOG_LEVEL: 'warn',
    VIGIL_RTMP_PORT: String(rtmpPort), VIGIL_FLV_PORT: String(flvPort), VIGIL_MEDIA_STATUS_PORT: String(statusPort),
  };
  let child: ChildProcess | undefined;
  const statusUrl = `http://127.0.0.1:${statusPort}/streams`;
  const status = async () => mediaServerStatusSchema.parse(await (await fetch(statusUrl)).json());
  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'media/media-server-main.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    await waitFor('the media server', () => status().then(() => true, () => false), 20_000, 100);
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };
  await launch();
  return {
    rtmpPort, flvPort, statusPort,
    rtmpUrl: (path) => `rtmp://127.0.0.1:${rtmpPort}${path}`,
    flvUrl: (path) => `http://127.0.0.1:${flvPort}${path}.flv`,
    status,
    kill: () => end('SIGKILL'),
    restart: launch,
    stop: async () => {
      await end('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A camera stand-in: ffmpeg publishing a moving test picture to an RTMP URL until stopped. */
export function publishTestPattern(output: string, size = { width: 320, height: 240, fps: 25 }): { stop(): Promise<void> } {
  const child = spawn('ffmpeg', buildFfmpegArgs({ preset: 'test-pattern', output, ...size }), { stdio: ['ignore', 'ignore', 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** A TCP port that accepts connections and never says a word (a hung camera). */
export async function startSilentPort(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
