import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A 640x360 H.264 file with an orange box moving left to right (known ground truth), made by ffmpeg in ~1 s. */
export function makeMovingBoxVideo(seconds = 4): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-video-')), 'movingbox.mp4');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=0x303840:size=640x360:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', 'color=c=orange:size=60x120:rate=25',
    '-filter_complex', "[0][1]overlay=x='mod(t*80,580)':y='120+60*sin(t)':shortest=1",
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '50', file,
  ]);
  return file;
}
