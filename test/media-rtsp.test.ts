import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFrameReader, type Frame, type FrameReader } from '../media/ingest/open-frame-reader';
import { waitFor } from './media-fixtures';

// A real RTSP camera: GStreamer's RTSP server (Debian packages, installed by the bootstrap) run by Debian's python3.
const cameraScript = join(import.meta.dirname, 'fixtures', 'rtsp-camera-server.py');
const credentials = { user: 'cam', password: 'Rtsp-Camera-Secret-7' };
const quickBackoff = { initialMs: 200, maxMs: 1000, factor: 2, jitter: 0 };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface RtspCamera {
  url(auth?: { user: string; password: string }): string;
  stop(): Promise<void>;
}

async function startRtspCamera(port: number): Promise<RtspCamera> {
  const child: ChildProcess = spawn('/usr/bin/python3', [cameraScript, String(port), `${credentials.user}:${credentials.password}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitFor(`the RTSP camera on port ${port} (output: ${output})`, () => output.includes('ready') || child.exitCode !== null, 15_000);
  if (child.exitCode !== null) throw new Error(`the RTSP camera did not start: ${output}`);
  return {
    url: (auth) => `rtsp://${auth ? `${auth.user}:${auth.password}@` : ''}127.0.0.1:${port}/cam`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

function collect(reader: FrameReader): Frame[] {
  const frames: Frame[] = [];
  void (async () => {
    for await (const frame of reader) frames.push(frame);
  })();
  return frames;
}

describe('RTSP cameras (a real RTSP server with basic authentication)', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('decodes an authenticated RTSP stream into frames at the requested rate and size, and never shows the password', async () => {
    const camera = await startRtspCamera(await freePort());
    cleanup.push(() => camera.stop());
    const reader = openFrameReader({ url: camera.url(credentials), fps: 5, width: 160, height: 90, backoff: quickBackoff, connectTimeoutSeconds: 5 });
    cleanup.push(() => reader.stop());
    const frames = collect(reader);
    await waitFor('the first RTSP frame', () => frames.length > 0, 20_000);
    const start = frames.length;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(frames.length - start).toBeGreaterThanOrEqual(10);
    expect(frames.length - start).toBeLessThanOrEqual(20);
    const last = frames.at(-1)!;
    expect(last).toMatchObject({ width: 160, height: 90 });
    expect(last.data.length).toBe(160 * 90 * 3);
    expect(Buffer.compare(frames[start]!.data, last.data)).not.toBe(0);
    const stats = reader.stats();
    expect(stats).toMatchObject({ state: 'streaming', reconnects: 0, sourceVideo: { codec: 'h264', width: 640, height: 360 } });
    expect(stats.source).toBe(camera.url());
    expect(JSON.stringify(stats)).not.toContain(credentials.password);
  }, 60_000);

  it('reports a wrong password as refused by the camera, without the password, and keeps retrying', async () => {
    const camera = await startRtspCamera(await freePort());
    cleanup.push(() => camera.stop());
    const reader = openFrameReader({ url: camera.url({ user: credentials.user, password: 'Wrong-Password-9' }), fps: 5, width: 64, height: 36, backoff: quickBackoff, connectTimeoutSeconds: 3 });
    cleanup.push(() => reader.stop());
    const error = await waitFor('the authentication error', () => reader.stats().lastError, 15_000);
    expect(error).toMatch(/401|Unauthorized|authorization failed/i);
    expect(error).not.toContain('Wrong-Password-9');
    await waitFor('a retry', () => reader.stats().reconnects >= 1, 10_000);
  }, 60_000);

  it('reconnects when the camera restarts, and frames resume', async () => {
    const port = await freePort();
    let camera = await startRtspCamera(port);
    cleanup.push(() => camera.stop());
    const reader = openFrameReader({ url: camera.url(credentials), fps: 5, width: 64, height: 36, stallTimeoutMs: 2500, connectTimeoutSeconds: 3, backoff: quickBackoff });
    cleanup.push(() => reader.stop());
    const frames = collect(reader);
    await waitFor('frames', () => frames.length >= 3, 20_000);
    await camera.stop();
    await waitFor('the reader to notice', () => reader.stats().state !== 'streaming', 15_000);
    camera = await startRtspCamera(port);
    const before = frames.length;
    await waitFor('frames again', () => frames.length >= before + 3 && reader.stats().state === 'streaming', 30_000);
    expect(reader.stats().reconnects).toBeGreaterThanOrEqual(1);
  }, 90_000);
});
