import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cameras from '../app/api/v1/cameras/route';
import * as probe from '../app/api/v1/cameras/probe/route';
import * as snapshot from '../app/api/v1/cameras/[id]/snapshot/route';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { startSilentPort } from './media-fixtures';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const secretPassword = 'Pr0be-S3cret-Pw';
const videoDir = mkdtempSync(join(tmpdir(), 'vigil-probe-'));
const video = join(videoDir, 'clip 320x240.mp4');

beforeAll(() => {
  // 2 s of 320x240 at 15 fps: small enough to make in well under a second.
  execFileSync('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', video], { timeout: 60_000 });
});
afterAll(() => rmSync(videoDir, { recursive: true, force: true }));

describe.each(dialects)('camera probe API on %s', (dialect) => {
  let t: TestApp;
  let operator: ApiClient;
  let viewer: ApiClient;
  let silent: Awaited<ReturnType<typeof startSilentPort>>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await loggedIn(t, 'operator');
    viewer = await loggedIn(t, 'viewer');
    silent = await startSilentPort();
  });
  afterAll(async () => {
    await silent.close();
    await t.close();
  });

  const fileUrl = () => `file://${encodeURI(video)}`;

  it('reports codec, size and frame rate of a real video file', async () => {
    const res = await operator.call(probe.POST, { method: 'POST', body: { streamUrl: fileUrl() } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ codec: 'h264', width: 320, height: 240, fps: 15, streamUrl: fileUrl() });
    expect(res.json.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('probes a saved camera by id', async () => {
    const created = await operator.call(cameras.POST, { method: 'POST', body: { name: 'File cam', streamUrl: fileUrl() } });
    const res = await operator.call(probe.POST, { method: 'POST', body: { cameraId: created.json.id } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ codec: 'h264', width: 320, height: 240 });
  });

  it('answers a silent server with camera_unreachable within the timeout, never showing or logging the credentials', async () => {
    const started = Date.now();
    const res = await operator.call(probe.POST, {
      method: 'POST',
      body: { streamUrl: `rtmp://127.0.0.1:${silent.port}/live/cam`, username: 'admin', password: secretPassword, timeoutSeconds: 2 },
    });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('camera_unreachable');
    expect(res.json.error.message).toContain(`rtmp://127.0.0.1:${silent.port}/live/cam`);
    // ffprobe's socket timeout (2 s) or the process deadline 2 s later: never a hang.
    expect(elapsed).toBeLessThan(6000);
    expect(JSON.stringify(res.json)).not.toContain(secretPassword);
    expect(t.logs()).toContain('camera probe failed');
    expect(t.logs()).not.toContain(secretPassword);
  });

  it.each([
    ['RTSP', (port: number) => `rtsp://127.0.0.1:${port}/ch1`],
    ['HTTP', (port: number) => `http://127.0.0.1:${port}/live.flv`],
  ])('answers a silent %s source (accepts, never speaks) with camera_unreachable within the timeout', async (_scheme, urlAt) => {
    const started = Date.now();
    const res = await operator.call(probe.POST, { method: 'POST', body: { streamUrl: urlAt(silent.port), timeoutSeconds: 2 } });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('camera_unreachable');
    expect(res.json.error.message).toContain(`No video from ${urlAt(silent.port)}: `);
    // The socket timeout (2 s), or the process deadline 2 s after it.
    expect(elapsed).toBeLessThan(6000);
  });

  it('answers the snapshot of a saved camera whose HTTP source never speaks with a 502 naming it, not a hang', async () => {
    const created = await operator.call(cameras.POST, { method: 'POST', body: { name: `Mute ${dialect}`, streamUrl: `http://127.0.0.1:${silent.port}/cam.flv` } });
    expect(created.status).toBe(201);
    const started = Date.now();
    const res = await viewer.call(snapshot.GET as never, { params: { id: created.json.id } });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(502);
    expect(res.json.error.code).toBe('camera_unreachable');
    expect(res.json.error.message).toMatch(new RegExp(`^Camera "Mute ${dialect}" gave no frame: .+`));
    // The snapshot's 8 s socket timeout, or its process deadline 2 s later: bounded, well under 20 s.
    expect(elapsed).toBeLessThan(12_000);
    expect(t.logs()).toContain('snapshot failed');
  }, 30_000);

  it('injects the stored credentials of the camera being edited when the form leaves them empty, and never returns them', async () => {
    // An HTTP source that records what ffprobe sent and refuses it: the credentials must reach the camera, and only it.
    const seen: string[] = [];
    const server = createServer((request, response) => {
      seen.push(request.headers.authorization ?? '');
      response.writeHead(request.headers.authorization ? 403 : 401, { 'www-authenticate': 'Basic realm="cam"' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const created = await operator.call(cameras.POST, { method: 'POST', body: { name: 'Locked', streamUrl: `http://127.0.0.1:${port}/old.flv`, username: 'op', password: secretPassword } });
      const res = await operator.call(probe.POST, { method: 'POST', body: { cameraId: created.json.id, streamUrl: `http://127.0.0.1:${port}/new.flv`, timeoutSeconds: 2 } });
      expect(res.status).toBe(502);
      expect(res.json.error.message).toContain(`http://127.0.0.1:${port}/new.flv`);
      expect(seen).toContain(`Basic ${Buffer.from(`op:${secretPassword}`).toString('base64')}`);
      expect(JSON.stringify(res.json)).not.toContain(secretPassword);
      expect(t.logs()).not.toContain(secretPassword);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names a missing file clearly', async () => {
    const res = await operator.call(probe.POST, { method: 'POST', body: { streamUrl: 'file:///nonexistent/vigil/none.mp4' } });
    expect(res.status).toBe(502);
    expect(res.json.error.message).toMatch(/No such file or directory/);
  });

  it.each([
    ['no URL and no camera', {}, 'streamUrl'],
    ['an unsupported scheme', { streamUrl: 'ftp://10.0.0.1/a' }, 'unsupported scheme'],
    ['an unknown field', { streamUrl: 'rtsp://10.0.0.1/a', verbose: true }, 'unknown field'],
    ['credentials given twice', { streamUrl: 'rtsp://a:b@10.0.0.1/a', password: 'c' }, 'not both'],
    ['a timeout out of range', { streamUrl: 'rtsp://10.0.0.1/a', timeoutSeconds: 600 }, 'timeoutSeconds'],
  ])('rejects %s with 400', async (_what, body, message) => {
    const res = await operator.call(probe.POST, { method: 'POST', body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(res.json.error.message).toContain(message);
  });

  it('answers 404 for an unknown camera', async () => {
    expect((await operator.call(probe.POST, { method: 'POST', body: { cameraId: 'cam_nope' } })).status).toBe(404);
  });

  it('is for operators: 401 without a session, 403 for a viewer', async () => {
    expect((await new ApiClient().call(probe.POST, { method: 'POST', body: { streamUrl: fileUrl() } })).status).toBe(401);
    const res = await viewer.call(probe.POST, { method: 'POST', body: { streamUrl: fileUrl() } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
  });
});
