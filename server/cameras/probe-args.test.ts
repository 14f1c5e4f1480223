import { describe, expect, it } from 'vitest';
import { buildCameraProbeArgs, readProbeOutput, scrubCredentials } from './probe-args';

describe('buildCameraProbeArgs', () => {
  it('bounds an RTSP probe with the socket timeout over TCP, and asks only for the first video stream', () => {
    const args = buildCameraProbeArgs('rtsp://u:p@10.0.0.1/ch1', 'rtsp', 3);
    expect(args).toEqual(expect.arrayContaining(['-rtsp_transport', 'tcp', '-timeout', '3000000', '-select_streams', 'v:0', '-of', 'json']));
    expect(args.at(-1)).toBe('rtsp://u:p@10.0.0.1/ch1');
  });

  it('bounds RTMP and HTTP probes with rw_timeout', () => {
    const args = buildCameraProbeArgs('rtmp://media/live/a', 'rtmp', 5);
    expect(args[args.indexOf('-rw_timeout') + 1]).toBe('5000000');
  });

  it('opens a file URL as its decoded path, without network options', () => {
    const args = buildCameraProbeArgs('file:///tmp/my%20clip.mp4', 'file', 5);
    expect(args.at(-1)).toBe('/tmp/my clip.mp4');
    expect(args).not.toContain('-rw_timeout');
    expect(args).not.toContain('-probesize');
  });
});

describe('readProbeOutput', () => {
  it('prefers the average frame rate and rounds it', () => {
    const json = JSON.stringify({ streams: [{ codec_name: 'h264', width: 640, height: 360, r_frame_rate: '50/1', avg_frame_rate: '30000/1001' }] });
    expect(readProbeOutput(json)).toEqual({ codec: 'h264', width: 640, height: 360, fps: 29.97 });
  });

  it('falls back to r_frame_rate when the average is 0/0 (live sources)', () => {
    const json = JSON.stringify({ streams: [{ codec_name: 'hevc', width: 1920, height: 1080, r_frame_rate: '25/1', avg_frame_rate: '0/0' }] });
    expect(readProbeOutput(json)?.fps).toBe(25);
  });

  it('is undefined without a video stream', () => {
    expect(readProbeOutput(JSON.stringify({ streams: [] }))).toBeUndefined();
    expect(readProbeOutput('{}')).toBeUndefined();
  });
});

describe('scrubCredentials', () => {
  it('removes URL user info and the password in raw and encoded form', () => {
    const message = 'rtsp://admin:p@ss w0rd@10.0.0.1/x: 401 Unauthorized; retry with p@ss w0rd / p%40ss%20w0rd';
    const scrubbed = scrubCredentials(message, { username: 'admin', password: 'p@ss w0rd' });
    expect(scrubbed).not.toContain('p@ss w0rd');
    expect(scrubbed).not.toContain('p%40ss%20w0rd');
    expect(scrubbed).toContain('401 Unauthorized');
  });
});
