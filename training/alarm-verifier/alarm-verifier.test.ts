import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createSeededRandom } from '../../lib/federated/seeded-random';
import { readSiteManifest } from '../datasets/image-shard';
import { layoutOf } from '../../lib/federated/weights';
import { mlpLayout } from '../mlp/mlp-layout';
import { loadTrainable } from '../trainable-registry';
import { cropToGrey, writeAlarmVerifierData, type LabelledCrop } from './alarm-crops';
import { alarmVerifierTrainable, scoreAlarmCrops } from './alarm-verifier';
import { alarmVerifierShape } from './alarm-verifier-shape';

const width = 160;
const height = 120;
const box = { x: 60, y: 30, width: 30, height: 60 };

/**
 * A stand-in for labelled alarm snapshots: a true alarm has a bright upright figure in its box, a false one
 * only the flickering texture (foliage, rain) that set the motion rule off.
 */
async function snapshot(label: 0 | 1, seed: number): Promise<LabelledCrop> {
  const random = createSeededRandom(seed);
  const rgb = Buffer.alloc(width * height * 3);
  for (let index = 0; index < width * height; index += 1) rgb.fill(40 + random.nextInt(60), index * 3, index * 3 + 3);
  if (label === 1) {
    const left = box.x + 8 + random.nextInt(6);
    for (let y = box.y + 5; y < box.y + box.height - 5; y += 1) for (let x = left; x < left + 10; x += 1) rgb.fill(200 + random.nextInt(55), (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
  return { jpeg: await sharp(rgb, { raw: { width, height, channels: 3 } }).jpeg().toBuffer(), box, label };
}

describe('alarm verifier (issue 7, 2b): a trainable over operator-labelled alarm crops', () => {
  const folder = mkdtempSync(join(tmpdir(), 'vigil-alarm-verifier-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('crops the object box with context to 32×32 grey, in pixels or normalised coordinates', async () => {
    const crop = await snapshot(1, 1);
    const pixels = await cropToGrey(crop.jpeg, crop.box);
    expect(pixels).toHaveLength(32 * 32);
    const normalised = await cropToGrey(crop.jpeg, { x: box.x / width, y: box.y / height, width: box.width / width, height: box.height / height });
    expect(Array.from(normalised)).toEqual(Array.from(pixels));
    // The figure is in the middle columns of the crop, brighter than the border.
    expect(pixels[16 * 32 + 16]!).toBeGreaterThan(pixels[16 * 32 + 1]! + 60);
  });

  it('writes a site folder from labelled crops and learns to tell true from false alarms', async () => {
    const crops = await Promise.all(Array.from({ length: 240 }, (_, index) => snapshot((index % 2) as 0 | 1, index + 10)));
    expect(await writeAlarmVerifierData(folder, crops, { seed: 1 })).toEqual({ train: 192, test: 48 });
    expect(await readSiteManifest(folder)).toMatchObject({ algorithm: 'alarm-verifier', trainSamples: 192, labels: [0, 1] });

    const verifier = await loadTrainable('alarm-verifier');
    const trained = await verifier.trainLocally(verifier.initialise(3), await verifier.loadData(folder, 'train'), { epochs: 3, batchSize: 8, learningRate: 0.05, proximalMu: 0, seed: 1 });
    expect(trained.sampleCount).toBe(192);
    const metrics = await verifier.evaluate(trained.weights, await verifier.loadData(folder, 'test'));
    expect(metrics.accuracy).toBeGreaterThan(0.9);

    // What an analyzer does with the published model: score fresh snapshots' crops (probability of a true alarm).
    const fresh = await Promise.all(Array.from({ length: 40 }, (_, index) => snapshot((index % 2) as 0 | 1, 5000 + index)));
    const scores = await scoreAlarmCrops(trained.weights, await Promise.all(fresh.map((crop) => cropToGrey(crop.jpeg, crop.box))));
    expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
    const right = fresh.filter((crop, index) => (scores[index]! >= 0.5 ? 1 : 0) === crop.label).length;
    expect(right / fresh.length).toBeGreaterThan(0.9);
  });

  it('scores through the network it trains: a model whose last bias favours "true alarm" says so, at softmax\'s exact value', async () => {
    expect(layoutOf(alarmVerifierTrainable.initialise(1))).toEqual(mlpLayout(alarmVerifierShape));
    const weights = alarmVerifierTrainable.initialise(1).map((tensor) => ({ ...tensor, values: new Float32Array(tensor.values.length) }));
    weights.at(-1)!.values.set([-1, 1]);
    const [score] = await scoreAlarmCrops(weights, [new Uint8Array(32 * 32).fill(128)]);
    expect(score).toBeCloseTo(1 / (1 + Math.exp(-2)), 5);
    await expect(scoreAlarmCrops(weights, [new Uint8Array(10)])).rejects.toThrow(/32×32/);
  });
});
