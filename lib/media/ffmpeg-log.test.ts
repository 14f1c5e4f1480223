import { describe, expect, it } from 'vitest';
import { InputBannerReader, parseFfmpegLogLine, ProgressReader } from './ffmpeg-log';

describe('parseFfmpegLogLine', () => {
  it('reads the level and names the component that spoke', () => {
    expect(parseFfmpegLogLine('[rtmp @ 0x560a4602b640] [error] Cannot read RTMP handshake response')).toEqual({ level: 'error', message: 'rtmp: Cannot read RTMP handshake response' });
    expect(parseFfmpegLogLine('[error] rtmp://127.0.0.1:1/live/x: Connection timed out')).toEqual({ level: 'error', message: 'rtmp://127.0.0.1:1/live/x: Connection timed out' });
    expect(parseFfmpegLogLine('[h264 @ 0x55d] [warning] concealing 10 DC errors').level).toBe('warning');
    expect(parseFfmpegLogLine('no level here')).toEqual({ level: 'other', message: 'no level here' });
  });
});

describe('InputBannerReader', () => {
  it('takes the video stream of the input section, not the output one', () => {
    const reader = new InputBannerReader();
    for (const line of [
      "Input #0, flv, from 'rtmp://127.0.0.1/relay/cam_1':",
      '  Stream #0:0: Audio: aac, 44100 Hz, mono',
      '  Stream #0:1: Video: h264 (High), yuv420p(progressive), 1280x720 [SAR 1:1 DAR 16:9], 25 fps, 25 tbr, 1k tbn',
      "Output #0, rawvideo, to 'pipe:1':",
      '  Stream #0:0: Video: rawvideo (RGB[24] / 0x18424752), rgb24, 640x360, q=2-31, 5 fps, 5 tbn',
    ]) reader.feed(line);
    expect(reader.source).toEqual({ codec: 'h264', width: 1280, height: 720, fps: 25 });
  });

  it('falls back to tbr when the banner gives no fps', () => {
    const reader = new InputBannerReader();
    reader.feed('Input #0, rtsp, from x:');
    reader.feed('  Stream #0:0: Video: hevc (Main), yuv420p(tv), 1920x1080, 15 tbr, 90k tbn');
    expect(reader.source).toEqual({ codec: 'hevc', width: 1920, height: 1080, fps: 15 });
  });
});

describe('ProgressReader', () => {
  it('returns one block per progress= line with frame count, fps and bitrate', () => {
    const reader = new ProgressReader();
    expect(reader.feed('frame=120')).toBeUndefined();
    reader.feed('fps=25.00');
    reader.feed('bitrate= 812.3kbits/s');
    expect(reader.feed('progress=continue')).toEqual({ frame: 120, fps: 25, bitrate: 812_300, ended: false });
    reader.feed('bitrate=N/A');
    expect(reader.feed('progress=end')).toEqual({ frame: 0, fps: 0, ended: true });
  });
});
