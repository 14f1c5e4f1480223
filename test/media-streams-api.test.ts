import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as streams from '../app/api/v1/streams/route';
import { streamsResponseSchema } from '../lib/media/stream-status';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { startTestApp, type TestApp } from './support/test-app';
import { freePort, publishTestPattern, startMediaServerProcess, waitFor, type MediaServerProcess } from './media-fixtures';

describe('GET /api/v1/streams', () => {
  let t: TestApp;
  let media: MediaServerProcess;
  let viewer: ApiClient;
  beforeAll(async () => {
    [t, media] = await Promise.all([startTestApp('sqlite'), startMediaServerProcess()]);
    t.app.config.media = { ...t.app.config.media, internalHost: '127.0.0.1', rtmpPort: media.rtmpPort, flvPort: media.flvPort, statusPort: media.statusPort };
    viewer = await loggedIn(t, 'viewer');
  });
  afterAll(async () => {
    await media?.stop();
    await t?.close();
  });

  it('lists live streams with their publisher, players and playback URLs on the caller\'s host', async () => {
    const camera = publishTestPattern(media.rtmpUrl('/relay/cam_api'));
    try {
      const res = await waitFor('the stream in the API', async () => {
        const answer = await viewer.call(streams.GET, { path: '/api/v1/streams' });
        // The publish registers before the stream's metadata (codec, size) arrives: wait for both.
        return answer.json.items?.some((item: { path: string; publisher: { video: unknown } | null }) => item.path === '/relay/cam_api' && item.publisher?.video) && answer;
      }, 15_000);
      expect(res.status).toBe(200);
      const body = streamsResponseSchema.parse(res.json);
      expect(body.server).toMatchObject({ state: 'up', rtmpPort: media.rtmpPort, flvPort: media.flvPort });
      const item = body.items.find((stream) => stream.path === '/relay/cam_api')!;
      expect(item).toMatchObject({
        app: 'relay', name: 'cam_api', kind: 'relay', players: 0,
        publisher: { protocol: 'rtmp', video: { codec: 'h264', width: 320, height: 240 } },
        urls: { flv: `http://vigil.test:${media.flvPort}/relay/cam_api.flv`, rtmp: `rtmp://vigil.test:${media.rtmpPort}/relay/cam_api` },
      });
      // Behind the custom server request.url carries the bind address; the browser's Host header must win.
      const viaHost = await viewer.call(streams.GET, { path: '/api/v1/streams', headers: { host: 'cams.example:3000' } });
      expect(viaHost.json.items.find((item: { path: string }) => item.path === '/relay/cam_api').urls.flv).toBe(`http://cams.example:${media.flvPort}/relay/cam_api.flv`);
      await waitFor('a bitrate', async () => {
        const answer = streamsResponseSchema.parse((await viewer.call(streams.GET, { path: '/api/v1/streams' })).json);
        return (answer.items.find((stream) => stream.path === '/relay/cam_api')?.inBitrate ?? 0) > 0;
      }, 8000, 500);
    } finally {
      await camera.stop();
    }
  });

  it('needs a login, and says so plainly when the media server does not answer or is disabled', async () => {
    expect((await new ApiClient().call(streams.GET, { path: '/api/v1/streams' })).status).toBe(401);
    const saved = t.app.config.media;
    try {
      t.app.config.media = { ...saved, statusPort: await freePort() };
      const down = await viewer.call(streams.GET, { path: '/api/v1/streams' });
      expect(down.status).toBe(503);
      expect(down.json.error).toMatchObject({ code: 'dependency_unavailable' });
      expect(down.json.error.message).toMatch(/media server's status endpoint .* did not answer/);
      t.app.config.media = { ...saved, server: 'none' };
      const disabled = await viewer.call(streams.GET, { path: '/api/v1/streams' });
      expect(disabled.json).toMatchObject({ server: { state: 'disabled' }, items: [] });
    } finally {
      t.app.config.media = saved;
    }
  });
});
