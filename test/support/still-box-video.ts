import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Ground truth of makeStillBoxVideo: an 80x160 orange box at y = 100 on a 640x360 frame. Its left edge is at
 * x = speed·t until t = stopAt, stays at x = speed·stopAt until t = moveAt (perfectly still: same pixels every frame),
 * then moves back left at the same speed and slides out of the frame (overlay clips a negative x). Fast enough
 * (30 px per 5 fps frame) that every moving frame passes the motion gate, whose threshold is a mean luma change over
 * the whole frame.
 */
export const stillBox = { width: 80, height: 160, y: 100, speed: 150, stopAt: 3 } as const;

/** A 640x360 H.264 file of the still-box ground truth above, still for stillSeconds, made by ffmpeg in ~1 s. */
export function makeStillBoxVideo(stillSeconds: number): { file: string; moveAt: number; seconds: number } {
  const { width, height, y, speed, stopAt } = stillBox;
  const moveAt = stopAt + stillSeconds;
  // Back out of the left edge (x = -width) plus a second of empty frame.
  const seconds = moveAt + (speed * stopAt + width) / speed + 1;
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-video-')), 'stillbox.mp4');
  const x = `if(lt(t,${stopAt}),${speed}*t,if(lt(t,${moveAt}),${speed * stopAt},${speed * stopAt}-${speed}*(t-${moveAt})))`;
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `color=c=0x303840:size=640x360:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `color=c=orange:size=${width}x${height}:rate=25`,
    '-filter_complex', `[0][1]overlay=x='${x}':y=${y}:shortest=1`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '50', file,
  ]);
  return { file, moveAt, seconds };
}
