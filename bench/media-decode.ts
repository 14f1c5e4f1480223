import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import type { Roi } from '../lib/geometry/roi';
import { drawAnnotations, type Annotations } from '../lib/media/draw-annotations';
import { openFrameReader } from '../media/ingest/open-frame-reader';
import { makeMovingBoxVideo } from '../test/support/synthetic-video';

// Prints decode throughput of the ingest path and the per-frame cost of drawing annotations (pure TS vs sharp + SVG).
// Run: node --import tsx bench/media-decode.ts
const width = 640;
const height = 360;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const format = (value: number, digits = 3) => value.toFixed(digits);

/** CPU seconds used so far by this process's ffmpeg children (Linux /proc). */
function childCpuSeconds(): number {
  let ticks = 0;
  const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  for (const pid of children) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The child exited between listing and reading.
    }
  }
  return ticks / 100;
}

async function decode(url: string, fps: number, pace: 'fast' | 'realtime', limitMs = Infinity): Promise<{ frames: number; seconds: number; cpuSeconds: number }> {
  const reader = openFrameReader({ url, fps, width, height, pace, maxQueuedFrames: 1000 });
  const started = performance.now();
  let frames = 0;
  let cpuSeconds = 0;
  for await (const _ of reader) {
    frames++;
    cpuSeconds = childCpuSeconds();
    if (performance.now() - started > limitMs) break;
  }
  return { frames, seconds: (performance.now() - started) / 1000, cpuSeconds };
}

const videoSeconds = 20;
const url = `file://${makeMovingBoxVideo(videoSeconds)}`;
console.log(`source: ${width}x${height} H.264, 25 fps, ${videoSeconds} s (moving box), decoded to RGB24 ${width}x${height} by ffmpeg → openFrameReader`);

const full = await decode(url, 25, 'fast');
console.log(`decode, every frame, flat out:   ${format(full.frames / full.seconds, 1)} frames/s  (${full.frames} frames in ${format(full.seconds, 2)} s)`);
const sampled = await decode(url, 5, 'fast');
console.log(`decode at 5 fps, flat out:       ${format(sampled.frames / sampled.seconds, 1)} frames/s  = ${format((sampled.frames / 5) / sampled.seconds, 1)} s of video per second`);
const live = await decode(url, 5, 'realtime', 6000);
console.log(`decode at 5 fps, real time:      ffmpeg CPU ${format((live.cpuSeconds / live.seconds) * 100, 1)}% of one core per 25 fps source → ~${Math.floor(1 / (live.cpuSeconds / live.seconds))} such streams per core (decode only)`);

const rois: Roi[] = [
  { id: 'zone', name: 'ZONE A', kind: 'polygon', points: [[0.1, 0.2], [0.6, 0.15], [0.7, 0.8], [0.15, 0.9]] },
  { id: 'line', name: 'GATE', kind: 'line', points: [[0.2, 0.5], [0.9, 0.55]], direction: 'a-to-b' },
  { id: 'point', name: 'DOOR', kind: 'point', points: [[0.8, 0.3]], radius: 0.05 },
];
const annotations: Annotations = {
  objects: Array.from({ length: 5 }, (_, index) => ({ box: { x: 40 + index * 110, y: 60 + index * 20, width: 80, height: 160 }, label: 'person', score: 0.8 + index / 100, trackId: index + 1 })),
  rois,
  caption: 'CAM 1 2026-01-01 12:00:00',
};
const frame = Buffer.alloc(width * height * 3, 90);

function timeDrawing(roiFillAlpha: number, iterations: number): number[] {
  const samples: number[] = [];
  const copy = Buffer.alloc(frame.length);
  for (let index = 0; index < iterations; index++) {
    frame.copy(copy);
    const started = performance.now();
    drawAnnotations({ data: copy, width, height }, annotations, { roiFillAlpha });
    samples.push(performance.now() - started);
  }
  return samples.slice(iterations / 10);
}

for (const alpha of [0, 0.15]) {
  const samples = timeDrawing(alpha, 3000);
  console.log(`draw (pure TS, 5 boxes + polygon${alpha ? ' filled' : ''} + line + point + caption): median ${format(percentile(samples, 50))} ms, p99 ${format(percentile(samples, 99))} ms per frame`);
}

const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <polygon points="${rois[0]!.points.map(([x, y]) => `${x * width},${y * height}`).join(' ')}" fill="rgba(255,221,0,0.15)" stroke="#ffdd00" stroke-width="2"/>
  <line x1="128" y1="180" x2="576" y2="198" stroke="#00ffff" stroke-width="2"/>
  <circle cx="512" cy="108" r="18" fill="none" stroke="#ff00ff" stroke-width="2"/>
  ${annotations.objects.map((object) => `<rect x="${object.box.x}" y="${object.box.y}" width="${object.box.width}" height="${object.box.height}" fill="none" stroke="#ff3838" stroke-width="2"/><text x="${object.box.x}" y="${object.box.y - 2}" font-family="DejaVu Sans" font-size="10" fill="#fff">person 0.81 #1</text>`).join('')}
</svg>`);
const sharpSamples: number[] = [];
for (let index = 0; index < 120; index++) {
  const started = performance.now();
  await sharp(frame, { raw: { width, height, channels: 3 } }).composite([{ input: svg }]).removeAlpha().raw().toBuffer();
  sharpSamples.push(performance.now() - started);
}
const warm = sharpSamples.slice(20);
console.log(`draw (sharp composite of an SVG overlay, same shapes):               median ${format(percentile(warm, 50))} ms, p99 ${format(percentile(warm, 99))} ms per frame`);
