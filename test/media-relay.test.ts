import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFrameReader, type FrameReader } from '../media/ingest/open-frame-reader';
import { createRelaySet } from '../media/relay/relay-set';
import { publishTestPattern, startMediaServerProcess, waitFor, type MediaServerProcess } from './media-fixtures';

const quickBackoff = { initialMs: 200, maxMs: 1000, factor: 2, jitter: 0 };

/** Counts a reader's frames in the background; the reader keeps its connection open meanwhile. */
function counted(reader: FrameReader): { frames: number } {
  const counter = { frames: 0 };
  void (async () => {
    for await (const _ of reader) counter.frames++;
  })();
  return counter;
}

describe('camera relays', () => {
  let media: MediaServerProcess;
  beforeAll(async () => {
    media = await startMediaServerProcess();
  });
  afterAll(async () => media?.stop());

  it('pulls the camera once however many consumers read the relay, and restarts until the camera appears', async () => {
    const server = { host: '127.0.0.1', rtmpPort: media.rtmpPort };
    const relays = createRelaySet({ server, connectTimeoutSeconds: 1, stallTimeoutMs: 3000, backoff: quickBackoff });
    // The relay starts before the camera publishes: it must keep retrying, not give up.
    await relays.sync([{ cameraId: 'cam_gate', sourceUrl: media.rtmpUrl('/camera/gate') }]);
    const relay = relays.get('cam_gate')!;
    const missing = await waitFor('the relay to report the missing camera', () => relay.status().lastError, 10_000);
    expect(missing).toMatch(/^could not open the source: /);
    const camera = publishTestPattern(media.rtmpUrl('/camera/gate'));
    const readers: FrameReader[] = [];
    try {
      expect(relay.url).toBe(media.rtmpUrl('/relay/cam_gate'));
      await waitFor('the relay to stream', () => relay.status().state === 'streaming', 20_000);
      // Two pipelines' analyzers (different rates and sizes) on the same camera.
      readers.push(
        openFrameReader({ url: relay.url, fps: 5, width: 160, height: 120, backoff: quickBackoff }),
        openFrameReader({ url: relay.url, fps: 2, width: 320, height: 240, backoff: quickBackoff }),
      );
      const counters = readers.map(counted);
      await waitFor('frames on both readers', () => counters.every((counter) => counter.frames >= 3), 15_000);

      const status = await media.status();
      const cameraStream = status.streams.find((stream) => stream.path === '/camera/gate');
      const relayStream = status.streams.find((stream) => stream.path === '/relay/cam_gate');
      // The source side: one connection, the relay's.
      expect(cameraStream?.players).toBe(1);
      expect(relayStream).toMatchObject({ kind: 'relay', state: 'publishing', publisher: { protocol: 'rtmp', video: { codec: 'h264', width: 320, height: 240 } } });
      expect(relayStream!.players).toBe(2);

      const relayStatus = relay.status();
      expect(relayStatus).toMatchObject({ cameraId: 'cam_gate', state: 'streaming', source: media.rtmpUrl('/camera/gate'), sourceVideo: { codec: 'h264', width: 320, height: 240 } });
      expect(relayStatus.framesRelayed).toBeGreaterThan(10);
      expect(relayStatus.restarts).toBeGreaterThanOrEqual(1);

      // Removing the camera from the desired set stops its relay and unpublishes the stream.
      await relays.sync([]);
      expect(relays.statuses()).toEqual([]);
      await waitFor('the relay stream to go', async () => (await media.status()).streams.find((stream) => stream.path === '/relay/cam_gate')?.state !== 'publishing', 5000);
    } finally {
      await Promise.all(readers.map((reader) => reader.stop()));
      await relays.stopAll();
      await camera.stop();
    }
  });
});
