import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFrameReader, type Frame, type FrameReader } from '../media/ingest/open-frame-reader';
import { makeMovingBoxVideo } from './support/synthetic-video';
import { publishTestPattern, startMediaServerProcess, startSilentPort, waitFor, type MediaServerProcess } from './media-fixtures';

// Real ffmpeg, the real media process, everything on 127.0.0.1. Fast retries keep the suite short.
const quickBackoff = { initialMs: 200, maxMs: 1000, factor: 2, jitter: 0 };

/** Collects frames in the background so a test can look at them while the reader keeps running. */
function collect(reader: FrameReader): Frame[] {
  const frames: Frame[] = [];
  void (async () => {
    for await (const frame of reader) frames.push(frame);
  })();
  return frames;
}

describe('frame reader (openFrameReader)', () => {
  let media: MediaServerProcess;
  beforeAll(async () => {
    media = await startMediaServerProcess();
  });
  afterAll(async () => media?.stop());

  it('decodes a live RTMP stream into RGB24 frames at the requested rate and size, and the picture moves', async () => {
    const camera = publishTestPattern(media.rtmpUrl('/camera/rate'));
    const reader = openFrameReader({ url: media.rtmpUrl('/camera/rate'), fps: 5, width: 160, height: 120, backoff: quickBackoff, connectTimeoutSeconds: 3 });
    try {
      const frames = collect(reader);
      await waitFor('the first frame', () => frames.length > 0, 15_000);
      const start = frames.length;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const counted = frames.length - start;
      expect(counted).toBeGreaterThanOrEqual(12);
      expect(counted).toBeLessThanOrEqual(18);
      const last = frames.at(-1)!;
      expect(last).toMatchObject({ width: 160, height: 120 });
      expect(last.data.length).toBe(160 * 120 * 3);
      expect(last.index).toBe(frames.length - 1);
      expect(Buffer.compare(frames[start]!.data, last.data)).not.toBe(0);
      const stats = reader.stats();
      expect(stats).toMatchObject({ state: 'streaming', reconnects: 0, framesDropped: 0, sourceVideo: { codec: 'h264', width: 320, height: 240 } });
      expect(stats.fpsIn).toBeGreaterThan(3);
      expect(stats.fpsIn).toBeLessThan(7);
    } finally {
      await reader.stop();
      await camera.stop();
    }
  });

  it('detects a stall when the camera dies, reconnects, and frames resume when it comes back', async () => {
    let camera = publishTestPattern(media.rtmpUrl('/camera/flaky'));
    const reader = openFrameReader({ url: media.rtmpUrl('/camera/flaky'), fps: 5, width: 160, height: 120, stallTimeoutMs: 2500, connectTimeoutSeconds: 2, backoff: quickBackoff });
    try {
      const frames = collect(reader);
      await waitFor('frames', () => frames.length >= 3, 15_000);
      await camera.stop();
      // The media server keeps players attached for a while (the publisher may resume), so the reader sees silence: a stall.
      await waitFor('the stall', () => reader.stats().lastError?.includes('no frame'), 10_000);
      expect(['connecting', 'backoff']).toContain(reader.stats().state);
      const before = frames.length;
      camera = publishTestPattern(media.rtmpUrl('/camera/flaky'));
      await waitFor('frames again', () => frames.length >= before + 3 && reader.stats().state === 'streaming', 20_000);
      expect(reader.stats().reconnects).toBeGreaterThanOrEqual(1);
    } finally {
      await reader.stop();
      await camera.stop();
    }
  });

  it('reconnects after the media server itself is killed and restarted', async () => {
    let camera = publishTestPattern(media.rtmpUrl('/camera/server'));
    const reader = openFrameReader({ url: media.rtmpUrl('/camera/server'), fps: 5, width: 160, height: 120, stallTimeoutMs: 3000, connectTimeoutSeconds: 2, backoff: quickBackoff });
    try {
      const frames = collect(reader);
      await waitFor('frames', () => frames.length >= 3, 15_000);
      await media.kill();
      await camera.stop();
      await waitFor('the reader to notice', () => reader.stats().state !== 'streaming', 10_000);
      await media.restart();
      camera = publishTestPattern(media.rtmpUrl('/camera/server'));
      const before = frames.length;
      await waitFor('frames again', () => frames.length >= before + 3, 25_000);
      expect(reader.stats()).toMatchObject({ state: 'streaming' });
      expect(reader.stats().reconnects).toBeGreaterThanOrEqual(1);
    } finally {
      await reader.stop();
      await camera.stop();
    }
  });

  it('reports a silent camera and a closed port clearly, keeps retrying, and stops without hanging', async () => {
    const silent = await startSilentPort();
    const closed = await startSilentPort();
    await closed.close();
    const hung = openFrameReader({ url: `rtmp://127.0.0.1:${silent.port}/live/x`, fps: 5, width: 64, height: 48, connectTimeoutSeconds: 1, stallTimeoutMs: 2000, backoff: quickBackoff });
    const refused = openFrameReader({ url: `rtsp://user:secret@127.0.0.1:${closed.port}/ch1`, fps: 5, width: 64, height: 48, connectTimeoutSeconds: 1, backoff: quickBackoff });
    try {
      const hungError = await waitFor('an error for the silent port', () => hung.stats().lastError, 8000);
      expect(hungError).toMatch(/timed out|no frame within/i);
      const refusedError = await waitFor('an error for the closed port', () => refused.stats().lastError, 8000);
      expect(refusedError).toMatch(/could not open the source: .*Connection refused/);
      expect(refusedError).not.toContain('secret');
      expect(refused.stats().source).toBe(`rtsp://127.0.0.1:${closed.port}/ch1`);
      await waitFor('retries', () => hung.stats().reconnects >= 1 && refused.stats().reconnects >= 2, 8000);
      expect(['connecting', 'backoff']).toContain(hung.stats().state);
      // Iteration ends when the reader is stopped, even though no frame ever came.
      const iteration = (async () => {
        let count = 0;
        for await (const _ of hung) count++;
        return count;
      })();
      const started = Date.now();
      await Promise.all([hung.stop(), refused.stop()]);
      expect(await iteration).toBe(0);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(hung.stats().state).toBe('stopped');
    } finally {
      await silent.close();
    }
  });

  it('reads a file at full speed to its end, or loops it', async () => {
    const file = `file://${makeMovingBoxVideo(2)}`;
    const reader = openFrameReader({ url: file, fps: 5, width: 64, height: 36, pace: 'fast', maxQueuedFrames: 100 });
    const frames: Frame[] = [];
    for await (const frame of reader) frames.push(frame);
    expect(frames.length).toBe(10);
    expect(reader.stats().state).toBe('ended');

    const looping = openFrameReader({ url: file, fps: 5, width: 64, height: 36, pace: 'fast', loop: true, maxQueuedFrames: 100 });
    let count = 0;
    for await (const _ of looping) if (++count === 25) break;
    expect(looping.stats().state).toBe('stopped');
  });
});
