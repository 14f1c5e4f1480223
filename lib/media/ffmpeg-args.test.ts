import { describe, expect, it } from 'vitest';
import { buildFfmpegArgs, buildProbeStreamArgs } from './ffmpeg-args';

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

  it('decodes a live source to raw RGB24 at the analysis rate and size, with low-latency flags', () => {
    expect(buildFfmpegArgs({ preset: 'decode-frames', input: 'rtsp://u:p@cam/ch1', scheme: 'rtsp', timeoutSeconds: 5, fps: 5, width: 640, height: 360 })).toEqual([
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+info',
      '-rtsp_transport', 'tcp', '-timeout', '5000000', '-analyzeduration', '1000000', '-probesize', '1000000',
      '-fflags', 'nobuffer', '-flags', 'low_delay',
      '-i', 'rtsp://u:p@cam/ch1',
      '-map', '0:v:0', '-an', '-sn', '-dn',
      '-vf', 'fps=5,scale=640:360:flags=bilinear',
      '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1',
    ]);
    const rtmp = buildFfmpegArgs({ preset: 'decode-frames', input: 'rtmp://127.0.0.1:31935/relay/cam_1', scheme: 'rtmp', timeoutSeconds: 3, fps: 2.5, width: 320, height: 180 });
    expect(rtmp.join(' ')).toContain('-rw_timeout 3000000 -analyzeduration 1000000 -probesize 1000000 -fflags nobuffer -flags low_delay -i rtmp://');
    expect(rtmp).toContain('fps=2.5,scale=320:180:flags=bilinear');
  });

  it('paces files like a camera (or flat out for benchmarks) and loops them when asked', () => {
    const paced = buildFfmpegArgs({ preset: 'decode-frames', input: 'file:///v/a.mp4', scheme: 'file', timeoutSeconds: 5, fps: 5, width: 64, height: 36, loop: true });
    expect(paced.slice(5, 10)).toEqual(['-re', '-stream_loop', '-1', '-i', '/v/a.mp4']);
    const fast = buildFfmpegArgs({ preset: 'decode-frames', input: 'file:///v/a.mp4', scheme: 'file', timeoutSeconds: 5, fps: 5, width: 64, height: 36, pace: 'fast' });
    expect(fast.slice(5, 7)).toEqual(['-i', '/v/a.mp4']);
  });

  it('rejects frame sizes and rates ffmpeg would choke on, before spawning it', () => {
    const base = { preset: 'decode-frames', input: 'file:///a.mp4', scheme: 'file', timeoutSeconds: 1 } as const;
    expect(() => buildFfmpegArgs({ ...base, fps: 5, width: 0, height: 360 })).toThrow(RangeError);
    expect(() => buildFfmpegArgs({ ...base, fps: 0, width: 640, height: 360 })).toThrow(/fps/);
  });

  it('relays a camera by copying its video to the media server, reporting progress on stdout', () => {
    expect(buildFfmpegArgs({ preset: 'relay-copy', input: 'rtsp://cam/ch1', scheme: 'rtsp', timeoutSeconds: 5, output: 'rtmp://127.0.0.1:31935/relay/cam_1' })).toEqual([
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'level+info',
      '-rtsp_transport', 'tcp', '-timeout', '5000000', '-analyzeduration', '1000000', '-probesize', '1000000',
      '-fflags', 'nobuffer', '-flags', 'low_delay', '-i', 'rtsp://cam/ch1',
      '-map', '0:v:0', '-an', '-c:v', 'copy', '-f', 'flv', '-flvflags', 'no_duration_filesize',
      '-progress', 'pipe:1', '-stats_period', '1', 'rtmp://127.0.0.1:31935/relay/cam_1',
    ]);
  });

  it('encodes annotated frames once with libx264 (zerolatency, 2 s GOP) and tees them to every output', () => {
    const args = buildFfmpegArgs({ preset: 'restream-encode', width: 640, height: 360, fps: 5, outputs: ['rtmp://m/live/pip_1_cam_1', 'rtmp://m/echostream/cam_1-alg_1'] });
    const line = args.join(' ');
    expect(line).toContain('-f rawvideo -pix_fmt rgb24 -s 640x360 -framerate 5 -use_wallclock_as_timestamps 1 -i pipe:0');
    expect(line).toContain('-c:v libx264 -preset veryfast -tune zerolatency -pix_fmt yuv420p -g 10 -keyint_min 10 -sc_threshold 0');
    expect(line).toContain('-fps_mode cfr -r 5');
    expect(args.slice(-4)).toEqual(['+global_header', '-f', 'tee', '[f=flv:onfail=ignore]rtmp://m/live/pip_1_cam_1|[f=flv:onfail=ignore]rtmp://m/echostream/cam_1-alg_1']);
    expect(() => buildFfmpegArgs({ preset: 'restream-encode', width: 640, height: 360, fps: 5, outputs: [] })).toThrow(/at least one output/);
    expect(() => buildFfmpegArgs({ preset: 'restream-encode', width: 640, height: 360, fps: 5, outputs: ['rtmp://a|b'] })).toThrow(/tee/);
  });

  it('publishes a moving test picture like a camera, at its own pace', () => {
    const args = buildFfmpegArgs({ preset: 'test-pattern', output: 'rtmp://127.0.0.1:1/camera/a', width: 320, height: 240, fps: 25 });
    expect(args.slice(4, 8)).toEqual(['-re', '-f', 'lavfi', '-i']);
    expect(args).toContain('testsrc2=size=320x240:rate=25');
    expect(args.slice(-3)).toEqual(['-f', 'flv', 'rtmp://127.0.0.1:1/camera/a']);
  });
});

describe('buildProbeStreamArgs', () => {
  it('probes only the video stream with a short analysis and a read timeout', () => {
    const args = buildProbeStreamArgs('http://127.0.0.1:30080/live/x.flv', 5);
    expect(args.join(' ')).toContain('-rw_timeout 5000000 -analyzeduration 1000000 -probesize 1000000 -select_streams v:0');
    expect(args.at(-1)).toBe('http://127.0.0.1:30080/live/x.flv');
  });
});
