import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorFor } from '../lib/media/draw-annotations';
import { openFrameReader } from '../media/ingest/open-frame-reader';
import { probeStream } from '../media/probe-stream';
import { openRestream } from '../media/restream/open-restream';
import { startMediaServerProcess, waitFor, type MediaServerProcess } from './media-fixtures';

const width = 320;
const height = 240;

/** A grey scene with a white square sliding across it: the analyzer's frame before annotation. */
function sceneFrame(index: number): { data: Buffer; width: number; height: number } {
  const data = Buffer.alloc(width * height * 3, 60);
  const left = (index * 7) % (width - 40);
  for (let y = 180; y < 220; y++) data.fill(235, (y * width + left) * 3, (y * width + left + 40) * 3);
  return { data, width, height };
}

describe('annotated restream', () => {
  let media: MediaServerProcess;
  beforeAll(async () => {
    media = await startMediaServerProcess();
  });
  afterAll(async () => media?.stop());

  it('publishes drawn frames as H.264 at a steady rate, playable over HTTP-FLV on its path and the seed alias', async () => {
    const restream = openRestream({
      pipelineId: 'pip_demo', cameraId: 'cam_gate', algorithmId: 'alg_person', width, height, fps: 10,
      server: { host: '127.0.0.1', rtmpPort: media.rtmpPort }, drawStyle: { lineWidth: 8 },
    });
    expect(restream.paths).toEqual(['/live/pip_demo_cam_gate', '/echostream/cam_gate-alg_person']);
    let index = 0;
    // The analyzer is slower and irregular (about 6 frames/s); the stream must still run at 10.
    const analyzer = setInterval(() => {
      restream.write(sceneFrame(index++), {
        objects: [{ box: { x: 100, y: 60, width: 120, height: 100 }, label: 'person', score: 0.9, trackId: 3 }],
        rois: [{ id: 'zone', name: 'ZONE', kind: 'polygon', points: [[0.05, 0.05], [0.95, 0.05], [0.95, 0.95], [0.05, 0.95]] }],
      });
    }, index % 2 ? 120 : 200);
    try {
      await waitFor('the restream to publish', async () => (await media.status()).streams.find((stream) => stream.path === '/live/pip_demo_cam_gate')?.state === 'publishing', 15_000);
      const probed = await probeStream(media.flvUrl('/live/pip_demo_cam_gate'), { timeoutSeconds: 5 });
      expect(probed).toEqual({ codec: 'h264', width, height, fps: 10 });
      // The seed's URL form, with its asterisks, reaches the alias.
      const alias = await probeStream(`http://127.0.0.1:${media.flvPort}/echostream/cam_gate*alg_person*.flv`, { timeoutSeconds: 5 });
      expect(alias).toMatchObject({ width, height, fps: 10 });

      // What a player sees has the box drawn in its track's colour.
      const reader = openFrameReader({ url: media.flvUrl('/live/pip_demo_cam_gate'), fps: 5, width, height });
      let frame: Buffer | undefined;
      for await (const decoded of reader) {
        frame = decoded.data;
        break;
      }
      const offset = (110 * width + 103) * 3;
      const seen = [...frame!.subarray(offset, offset + 3)];
      colorFor(3).forEach((channel, at) => expect(Math.abs(seen[at]! - channel)).toBeLessThan(60));

      const status = restream.status();
      expect(status).toMatchObject({ state: 'streaming', restarts: 0 });
      expect(status.framesEncoded).toBeGreaterThan(status.framesWritten);
      expect(status.drawMs).toBeGreaterThan(0);
    } finally {
      clearInterval(analyzer);
      await restream.stop();
    }
    expect(restream.status().state).toBe('stopped');
  });

  it('waits for the first frame before starting ffmpeg, and rejects frames of the wrong size', async () => {
    const restream = openRestream({ pipelineId: 'pip_x', cameraId: 'cam_y', width, height, fps: 5, server: { host: '127.0.0.1', rtmpPort: media.rtmpPort } });
    expect(restream.status().state).toBe('waiting-for-frames');
    expect(() => restream.write({ data: Buffer.alloc(10), width: 2, height: 2 })).toThrow(/expects 320x240/);
    await restream.stop();
  });
});
