// Inference latency of the built-in algorithm servers on 640x360 frames, each run as a real process.
// Prints, per algorithm and input kind: the server's own inference time (Server-Timing "infer", decode excluded) and
// the client's round trip, median and p99. Run: node --import tsx bench/algorithm-latency.ts [requests-per-model]
import sharp from 'sharp';
import { startAlgorithmServer } from '../test/fixtures/algorithm-server-process';
import { movingBox, renderMovingBoxFrames } from '../test/fixtures/moving-box-frames';

const { width, height } = movingBox;
const modelRequests = Number(process.argv[2] ?? 40);
const motionRequests = 300;

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

interface Sample { inferMs: number; decodeMs: number; roundTripMs: number; objects: number }

async function measure(baseUrl: string, bodies: Buffer[], headers: Record<string, string>, count: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/v1/infer`, { method: 'POST', body: new Uint8Array(bodies[index % bodies.length]!), headers });
    const answer = (await response.json()) as { model_data: { objects: unknown[] } };
    const roundTripMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`infer answered ${response.status}: ${JSON.stringify(answer)}`);
    const timing = response.headers.get('server-timing') ?? '';
    const read = (name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(timing)?.[1] ?? Number.NaN);
    samples.push({ inferMs: read('infer'), decodeMs: read('decode'), roundTripMs, objects: answer.model_data.objects.length });
  }
  return samples;
}

function report(algorithm: string, input: string, samples: Sample[]): void {
  const column = (key: keyof Sample) => samples.map((sample) => sample[key]);
  const figure = (values: number[]) => `${percentile(values, 0.5).toFixed(2).padStart(7)} ${percentile(values, 0.99).toFixed(2).padStart(7)}`;
  const objects = column('objects').reduce((sum, count) => sum + count, 0) / samples.length;
  console.log(`${algorithm.padEnd(11)} ${input.padEnd(5)} ${String(samples.length).padStart(4)}  ${figure(column('inferMs'))}   ${figure(column('decodeMs'))}   ${figure(column('roundTripMs'))}   ${objects.toFixed(1)}`);
}

const motionFrames = renderMovingBoxFrames(100);
// The people photo letterboxed into 640x360, as an analyzer would send a camera frame.
const photo = await sharp('node_modules/@vladmandic/human/assets/samples.jpg').resize(width, height, { fit: 'contain', background: '#000' }).removeAlpha().raw().toBuffer();
const encode = (frame: Buffer) => sharp(frame, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
const rawHeaders = { 'content-type': 'application/octet-stream', 'x-frame-width': String(width), 'x-frame-height': String(height) };

console.log(`640x360 frames; ms per frame (median p99); ${modelRequests} requests per model, ${motionRequests} for motion, one at a time`);
console.log('algorithm   input    n    infer median/p99   decode median/p99   round trip median/p99   objects/frame');
// person@448: the same model with a larger input (X-Params inputSize), which the small people of this frame need.
const runs = [
  { algorithm: 'motion', server: 'motion', params: {} },
  { algorithm: 'person', server: 'person', params: {} },
  { algorithm: 'person@448', server: 'person', params: { inputSize: 448 } },
  { algorithm: 'face', server: 'face', params: {} },
] as const;
for (const run of runs) {
  const server = await startAlgorithmServer(run.server, ['--log-level', 'info']);
  try {
    const frames = run.server === 'motion' ? motionFrames : [photo];
    const count = run.server === 'motion' ? motionRequests : modelRequests;
    const params = { 'x-params': JSON.stringify(run.params) };
    await measure(server.baseUrl, frames, { ...rawHeaders, ...params }, 3); // warm-up (and the motion background's priming frame)
    report(run.algorithm, 'raw', await measure(server.baseUrl, frames, { ...rawHeaders, ...params }, count));
    const jpegs = await Promise.all(frames.map(encode));
    report(run.algorithm, 'jpeg', await measure(server.baseUrl, jpegs, { 'content-type': 'image/jpeg', ...params }, count));
  } finally {
    await server.stop();
  }
}
