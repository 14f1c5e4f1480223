// The built-in algorithm servers (DESIGN.md §4.1) as real processes: readiness, info vs manifest, real models on a
// real photo of people, motion on ffmpeg's synthetic video, and clear refusals of bad input.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { algorithmManifestSchema } from '../lib/algorithms/manifest-schema';
import { type AlgorithmServerProcess, startAlgorithmServer } from './fixtures/algorithm-server-process';
import { movingBox, movingBoxAt, renderMovingBoxFrames } from './fixtures/moving-box-frames';

const photoPath = 'node_modules/@vladmandic/human/assets/samples.jpg';
const photo = readFileSync(photoPath);
// samples.jpg is 1280x1158: a strip of 8 thumbnails (y < ~160), then one large photo of a crowd (y > ~195).
const photoSize = { width: 1280, height: 1158 };
const crowdTop = 195;

interface EvObject { x: number; y: number; width: number; height: number; name: string; confidence: number }
interface EvAnswer { algorithm_data: { is_alert: boolean; target_info: EvObject[] }; model_data: { objects: EvObject[] } }

const servers: Record<'motion' | 'person' | 'face', AlgorithmServerProcess> = {} as never;
let frames: Buffer[] = [];

beforeAll(async () => {
  frames = renderMovingBoxFrames(31);
  // The face server gets a queue of one so the back-pressure test can fill it; motion a small body limit.
  const [motion, person, face] = await Promise.all([
    startAlgorithmServer('motion', ['--max-body-bytes', '2000000']),
    startAlgorithmServer('person'),
    startAlgorithmServer('face', ['--queue-size', '1']),
  ]);
  Object.assign(servers, { motion, person, face });
}, 90_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server?.stop()));
});

async function infer(server: AlgorithmServerProcess, body: Buffer, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.baseUrl}/v1/infer`, { method: 'POST', body: new Uint8Array(body), headers });
  return { status: response.status, json: await response.json() };
}

const jpeg = { 'content-type': 'image/jpeg' };
const raw = (width: number, height: number, extra: Record<string, string> = {}) => ({
  'content-type': 'application/octet-stream', 'x-frame-width': String(width), 'x-frame-height': String(height), ...extra,
});

function expectEvShape(answer: EvAnswer, size: { width: number; height: number }, label: string): void {
  expect(answer.algorithm_data.target_info).toEqual(answer.model_data.objects);
  expect(answer.algorithm_data.is_alert).toBe(answer.model_data.objects.length > 0);
  for (const box of answer.model_data.objects) {
    expect(box.name).toBe(label);
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(Number.isInteger(box[key])).toBe(true);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.width).toBeGreaterThan(0);
    expect(box.height).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(box.confidence).toBeGreaterThan(0);
    expect(box.confidence).toBeLessThanOrEqual(1);
    expect(Math.round(box.confidence * 1000) / 1000).toBe(box.confidence);
  }
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('algorithm servers', () => {
  it('go from 503 to 200 on /readyz once the model is loaded, and answer /healthz', async () => {
    // Motion has no model to load, so its 503 window may be too short to see.
    for (const name of ['person', 'face'] as const) expect(servers[name].readyStatuses, name).toEqual([503, 200]);
    expect(servers.motion.readyStatuses.at(-1)).toBe(200);
    for (const server of Object.values(servers)) {
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
      expect(server.logs.some((entry) => entry.msg === 'model loaded' && typeof entry.loadMs === 'number')).toBe(true);
    }
  });

  it('publish a valid manifest that /v1/info matches', async () => {
    for (const [name, server] of Object.entries(servers)) {
      const manifest = algorithmManifestSchema.parse(JSON.parse(readFileSync(`algorithms/${name}/vigil-algorithm.json`, 'utf8')));
      expect(manifest).toMatchObject({ name, version: '1.0.0', image: `vigil/algorithm-${name}:1.0.0`, port: 8080, roiTypes: ['polygon', 'line', 'point'] });
      expect(manifest.command).toEqual(['node', '--import', 'tsx', `algorithms/${name}/server.ts`, '--port', '{port}']);
      expect(manifest.resources.cpu).toBeDefined();
      const info = await (await fetch(`${server.baseUrl}/v1/info`)).json();
      expect(info).toEqual({ name: manifest.name, version: manifest.version, labels: manifest.labels, input: manifest.input, roiTypes: manifest.roiTypes, params: manifest.params });
    }
  });

  it('person: finds the people in a real photo, from JPEG and from raw RGB alike', async () => {
    const fromJpeg = await infer(servers.person, photo, jpeg);
    expect(fromJpeg.status).toBe(200);
    const people: EvObject[] = fromJpeg.json.model_data.objects;
    expectEvShape(fromJpeg.json, photoSize, 'person');
    // The crowd holds more than a dozen people; movenet-multipose reports at most 6, and on this crowded,
    // overlapping scene scores 3 of them above the default 0.2.
    expect(people.length).toBeGreaterThanOrEqual(2);
    expect(people.length).toBeLessThanOrEqual(6);
    const standing = people.filter((box) => box.y >= crowdTop - 20 && box.height > 300 && box.height > box.width * 2);
    expect(standing.length).toBeGreaterThanOrEqual(2);

    const { data, info } = await sharp(photo).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const fromRaw = await infer(servers.person, data, raw(info.width, info.height));
    expect(fromRaw.status).toBe(200);
    expect(fromRaw.json.model_data.objects).toEqual(people);

    const strict = await infer(servers.person, photo, { ...jpeg, 'x-params': JSON.stringify({ minScore: 0.99 }) });
    expect(strict.json.model_data.objects).toEqual([]);
    expect(strict.json.algorithm_data).toEqual({ is_alert: false, target_info: [] });
  });

  it('face: finds faces in the same photo', async () => {
    const { status, json } = await infer(servers.face, photo, jpeg);
    expect(status).toBe(200);
    expectEvShape(json, photoSize, 'face');
    const faces: EvObject[] = json.model_data.objects;
    expect(faces.length).toBeGreaterThanOrEqual(3);
    expect(faces.length).toBeLessThanOrEqual(20);
    for (const face of faces) {
      expect(face.width / face.height).toBeGreaterThan(0.7);
      expect(face.width / face.height).toBeLessThan(1.4);
      expect(face.width).toBeLessThan(200); // faces, not bodies
    }
    expect(faces.filter((face) => face.y > crowdTop).length).toBeGreaterThanOrEqual(2);
  });

  it('motion: reports the moving box where it is, and nothing between identical frames', async () => {
    const [first, second] = [frames[25]!, frames[30]!];
    const headers = (stream: string) => raw(movingBox.width, movingBox.height, { 'x-stream-id': stream });
    const primed = await infer(servers.motion, first, headers('moving'));
    expect(primed.json.model_data.objects).toEqual([]); // a stream's first frame only primes its background
    const moved = await infer(servers.motion, second, headers('moving'));
    expect(moved.status).toBe(200);
    expectEvShape(moved.json, movingBox, 'motion');
    const truth = movingBoxAt(30);
    expect(moved.json.model_data.objects.some((box: EvObject) => overlaps(box, truth))).toBe(true);
    expect(moved.json.algorithm_data.is_alert).toBe(true);

    // Identical frames on another stream: its background is its own, and nothing moves.
    await infer(servers.motion, first, headers('still'));
    const still = await infer(servers.motion, first, headers('still'));
    expect(still.json).toEqual({ algorithm_data: { is_alert: false, target_info: [] }, model_data: { objects: [] } });

    // A huge minArea filters the region out.
    await infer(servers.motion, first, headers('filtered'));
    const filtered = await infer(servers.motion, second, { ...headers('filtered'), 'x-params': JSON.stringify({ minArea: 100_000 }) });
    expect(filtered.json.model_data.objects).toEqual([]);
  });

  it('motion: accepts JPEG frames too', async () => {
    const encode = (frame: Buffer) => sharp(frame, { raw: { width: movingBox.width, height: movingBox.height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
    const headers = { ...jpeg, 'x-stream-id': 'jpeg' };
    expect((await infer(servers.motion, await encode(frames[25]!), headers)).status).toBe(200);
    const moved = await infer(servers.motion, await encode(frames[30]!), headers);
    expect(moved.json.model_data.objects.some((box: EvObject) => overlaps(box, movingBoxAt(30)))).toBe(true);
  });

  it('refuse bad input with clear 4xx errors', async () => {
    const frame = frames[0]!;
    const cases: { body: Buffer; headers: Record<string, string>; status: number; code: string; message: RegExp }[] = [
      { body: frame.subarray(1), headers: raw(640, 360), status: 400, code: 'bad_frame_size', message: /691199 bytes, but a 640x360 RGB24 frame has 691200/ },
      { body: frame, headers: { 'content-type': 'application/octet-stream', 'x-frame-width': '640' }, status: 400, code: 'missing_frame_size', message: /X-Frame-Height/ },
      { body: frame, headers: raw(640, -360), status: 400, code: 'bad_frame_size', message: /X-Frame-Height must be a whole number/ },
      { body: frame, headers: raw(640, 360, { 'x-params': '{threshold:' }), status: 400, code: 'bad_params', message: /X-Params is not valid JSON/ },
      { body: frame, headers: raw(640, 360, { 'x-params': '{"threshold":0}' }), status: 400, code: 'bad_params', message: /threshold/ },
      { body: frame, headers: raw(640, 360, { 'x-params': '{"sensitivity":3}' }), status: 400, code: 'bad_params', message: /sensitivity/ },
      { body: frame, headers: { 'content-type': 'text/plain' }, status: 415, code: 'unsupported_content_type', message: /send image\/jpeg, or application\/octet-stream/ },
      { body: Buffer.from('not a jpeg'), headers: jpeg, status: 400, code: 'bad_image', message: /not a decodable JPEG/ },
      { body: Buffer.alloc(3_000_000), headers: raw(1000, 1000), status: 413, code: 'body_too_large', message: /3000000 bytes; this server accepts at most 2000000/ },
      { body: frame, headers: raw(640, 360, { 'x-stream-id': 'bad id!' }), status: 400, code: 'bad_stream_id', message: /X-Stream-Id/ },
    ];
    for (const { body, headers, status, code, message } of cases) {
      const answer = await infer(servers.motion, body, headers);
      expect({ status: answer.status, code: answer.json.error?.code }, JSON.stringify(headers)).toEqual({ status, code });
      expect(answer.json.error.message).toMatch(message);
    }
    expect((await fetch(`${servers.motion.baseUrl}/v1/infer`)).status).toBe(405);
    expect((await fetch(`${servers.motion.baseUrl}/v2/infer`)).status).toBe(404);
  });

  it('answer 503 with a reason when the inference queue is full', async () => {
    // The face server lets one request wait behind the running one: of five at once, some must be refused.
    const answers = await Promise.all(Array.from({ length: 5 }, () => infer(servers.face, photo, jpeg)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(2);
    const refused = answers.filter((answer) => answer.status === 503);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused[0]!.json.error).toMatchObject({ code: 'queue_full', message: expect.stringMatching(/inference queue is full/) });
  });

  it('stop cleanly on SIGTERM', async () => {
    for (const server of Object.values(servers)) {
      expect(await server.stop(), server.name).toBe(0);
      expect(server.logs.some((entry) => entry.msg === 'stopped')).toBe(true);
    }
  });
});
