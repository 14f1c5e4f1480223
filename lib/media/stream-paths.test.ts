import { describe, expect, it } from 'vitest';
import { echostreamPath, flvStreamUrl, mapSeedStreamPath, relayStreamPath, restreamPath, rtmpStreamUrl } from './stream-paths';

describe('stream paths', () => {
  it('names relays, restreams and the seed alias from ids', () => {
    expect(relayStreamPath('cam_01')).toBe('/relay/cam_01');
    expect(restreamPath('pip_9', 'cam_01')).toBe('/live/pip_9_cam_01');
    expect(echostreamPath('cam_01', 'alg_7')).toBe('/echostream/cam_01-alg_7');
  });

  it('refuses names the media server would reject, naming the field', () => {
    expect(() => relayStreamPath('cam 1')).toThrow(/camera id "cam 1"/);
    expect(() => restreamPath('pip/x', 'cam_1')).toThrow(/pipeline id/);
  });

  it('maps the seed URL form <camera>*<algorithm>* onto the stored alias', () => {
    expect(mapSeedStreamPath('/echostream/cam_01*alg_7*.flv')).toBe('/echostream/cam_01-alg_7.flv');
    expect(mapSeedStreamPath('/echostream/cam_01%2Aalg_7%2A.flv')).toBe('/echostream/cam_01-alg_7.flv');
    expect(mapSeedStreamPath('/echostream/cam_01*alg_7*')).toBe('/echostream/cam_01-alg_7');
    expect(mapSeedStreamPath('/live/a.flv')).toBeUndefined();
    expect(mapSeedStreamPath('/echostream/a b*c*.flv')).toBeUndefined();
  });

  it('builds playable URLs, bracketing IPv6 hosts', () => {
    expect(rtmpStreamUrl({ host: '127.0.0.1', rtmpPort: 31935 }, '/relay/cam_1')).toBe('rtmp://127.0.0.1:31935/relay/cam_1');
    expect(flvStreamUrl({ host: '::1', flvPort: 30080 }, '/live/x')).toBe('http://[::1]:30080/live/x.flv');
  });
});
