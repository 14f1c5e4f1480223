import { spawn } from 'node:child_process';

/**
 * Ground truth of publishMovingBox: a 60x120 orange box whose left edge is at x = (100 t) mod 580 px on a 640x360
 * frame, t in seconds since ffmpeg started. Its centre is in the right half (x > 290) for 2.9 s of every 5.8 s pass
 * and out of it for 2.9 s: longer than the rule evaluator's 2 s end grace, so every pass is its own incident.
 */
export const movingBoxCamera = { speed: 100, wrapAt: 580, width: 640, height: 360 } as const;

/** A live camera stand-in: ffmpeg publishing the moving box in real time to an RTMP URL until stopped (SIGKILL). */
export function publishMovingBox(output: string): { stop(): Promise<void> } {
  const { speed, wrapAt, width, height } = movingBoxCamera;
  const child = spawn('ffmpeg', [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-re',
    '-f', 'lavfi', '-i', `color=c=0x303840:size=${width}x${height}:rate=25`,
    '-f', 'lavfi', '-i', 'color=c=orange:size=60x120:rate=25',
    '-filter_complex', `[0][1]overlay=x='mod(t*${speed},${wrapAt})':y=120`,
    // One keyframe a second: a player that (re)connects gets a picture within a second.
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '25', '-f', 'flv', output,
  ], { stdio: ['ignore', 'ignore', 'ignore'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
