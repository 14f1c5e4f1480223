import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Roi } from '../lib/geometry/roi';
import type { RuleSpec } from '../lib/pipeline/pipeline-spec';

// Shared by bench/analyzer-throughput.ts and bench/analyzer-capacity.ts.

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export const rightHalf: Roi = { id: 'right-half', name: 'ZONE', kind: 'polygon', points: [[0.5, 0], [1, 0], [1, 1], [0.5, 1]] };
export const middleLine: Roi = { id: 'middle', name: '', kind: 'line', points: [[0.5, 0], [0.5, 1]], direction: 'both' };

/** The rules a typical pipeline runs: an intrusion zone with dwell and a counted line. */
export function benchRules(): RuleSpec[] {
  const rule = (ruleNodeId: string, regions: Roi[], dwellSeconds: number): RuleSpec => ({
    ruleNodeId, roiNodeId: 'roi', regions, anchor: 'center', sinkNodeIds: [], alarmType: ruleNodeId, labels: ['motion'], minScore: 0, dwellSeconds, cooldownSeconds: 0, minCount: 1,
  });
  return [rule('zone', [rightHalf], 1), rule('line', [middleLine], 0)];
}

/**
 * A mostly still camera: a textured scene with light sensor noise, where a box walks across for 3 s of every 30 s
 * (640x360, 25 fps source, H.264 like a camera's sub-stream). What the motion gate is for.
 */
export function makeMostlyStillVideo(seconds = 30): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-video-')), 'mostly-still.mp4');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `smptehdbars=size=640x360:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', 'color=c=orange:size=60x120:rate=25',
    '-filter_complex', "[0][1]overlay=x='if(between(mod(t,30),10,13),(mod(t,30)-10)*200,-100)':y=160:shortest=1,noise=alls=3:allf=t",
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-g', '50', file,
  ]);
  return file;
}
