import { describe, expect, it } from 'vitest';
import { buildFfmpegArgs } from './ffmpeg-args';

describe('buildFfmpegArgs', () => {
  it('snapshots an RTSP camera over TCP with a socket timeout, one JPEG to stdout', () => {
    expect(buildFfmpegArgs({ preset: 'snapshot', input: 'rtsp://u:p@10.0.0.2/ch1', scheme: 'rtsp', timeoutSeconds: 5 })).toEqual([
      '-hide_banner', '-nostdin', '-loglevel', 'error',
      '-rtsp_transport', 'tcp', '-timeout', '5000000', '-analyzeduration', '1000000', '-probesize', '1000000',
      '-i', 'rtsp://u:p@10.0.0.2/ch1',
      '-an', '-frames:v', '1', '-q:v', '3', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1',
    ]);
  });

  it('reads file URLs as paths, scales down wide frames, and sets a read timeout on RTMP', () => {
    const file = buildFfmpegArgs({ preset: 'snapshot', input: 'file:///videos/gate%20cam.mp4', scheme: 'file', timeoutSeconds: 5, maxWidth: 1280 });
    expect(file).toContain('/videos/gate cam.mp4');
    expect(file.join(' ')).toContain("-vf scale='min(1280,iw)':-2");
    const rtmp = buildFfmpegArgs({ preset: 'probe-frame', input: 'rtmp://media/live/a', scheme: 'rtmp', timeoutSeconds: 2 });
    expect(rtmp.slice(4, 6)).toEqual(['-rw_timeout', '2000000']);
    expect(rtmp.slice(-3)).toEqual(['-f', 'null', '-']);
  });
});
