import { describe, expect, it } from 'vitest';
import { joinStreamUrl, splitStreamUrl } from './stream-url';

describe('splitStreamUrl', () => {
  it('separates credentials from an RTSP URL', () => {
    const result = splitStreamUrl('rtsp://admin:s3cr%40t@10.0.0.7:554/Streaming/Channels/101');
    expect(result).toEqual({ ok: true, value: { url: 'rtsp://10.0.0.7:554/Streaming/Channels/101', scheme: 'rtsp', username: 'admin', password: 's3cr@t' } });
  });

  it('accepts every supported scheme', () => {
    for (const url of ['rtsp://cam/1', 'rtsps://cam/1', 'rtmp://media/live/a', 'rtmps://media/live/a', 'http://cam/video.flv', 'https://cam/x.m3u8', 'file:///videos/a.mp4']) {
      expect(splitStreamUrl(url).ok, url).toBe(true);
    }
  });

  it.each([
    ['ftp://cam/stream', 'unsupported scheme "ftp"'],
    ['javascript:alert(1)', 'unsupported scheme "javascript"'],
    ['not a url', 'not a valid URL'],
    ['file://remote-host/share/a.mp4', 'file URLs must be local'],
    ['file:///', 'file URL has no path'],
  ])('rejects %s', (url, message) => {
    const result = splitStreamUrl(url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it('joins credentials back, encoding special characters', () => {
    expect(joinStreamUrl('rtsp://10.0.0.7/ch1', { username: 'admin', password: 'p@ss:word' })).toBe('rtsp://admin:p%40ss%3Aword@10.0.0.7/ch1');
    expect(joinStreamUrl('rtsp://10.0.0.7/ch1', undefined)).toBe('rtsp://10.0.0.7/ch1');
  });
});
