import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Labelled grey-scale images of one site (or of the central test set): pixels 0–255, row-major, one byte each. */
export interface ImageShard {
  width: number;
  height: number;
  pixels: Uint8Array;
  labels: Uint8Array;
}

/** What a site's data folder holds, read by the site agent to report its samples. */
export interface SiteDataManifest {
  algorithm: string;
  trainSamples: number;
  testSamples: number;
  labels: number[];
  split: string;
}

const manifestFile = 'dataset.json';

/** One file per split: a small JSON header line, then labels, then pixels (no parsing cost beyond a copy). */
export async function writeImageShard(folder: string, split: 'train' | 'test', shard: ImageShard): Promise<void> {
  await mkdir(folder, { recursive: true });
  const header = Buffer.from(`${JSON.stringify({ width: shard.width, height: shard.height, count: shard.labels.length })}\n`);
  await writeFile(join(folder, `${split}.bin`), Buffer.concat([header, shard.labels, shard.pixels]));
}

export async function readImageShard(folder: string, split: 'train' | 'test'): Promise<ImageShard> {
  const bytes = await readFile(join(folder, `${split}.bin`));
  const newline = bytes.indexOf(10);
  const { width, height, count } = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { width: number; height: number; count: number };
  const labels = new Uint8Array(bytes.subarray(newline + 1, newline + 1 + count));
  const pixels = new Uint8Array(bytes.subarray(newline + 1 + count, newline + 1 + count + count * width * height));
  if (pixels.length !== count * width * height) throw new Error(`${join(folder, `${split}.bin`)} is truncated: ${pixels.length} pixel bytes for ${count} images`);
  return { width, height, pixels, labels };
}

export async function writeSiteManifest(folder: string, manifest: SiteDataManifest): Promise<void> {
  await writeFile(join(folder, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readSiteManifest(folder: string): Promise<SiteDataManifest> {
  return JSON.parse(await readFile(join(folder, manifestFile), 'utf8')) as SiteDataManifest;
}

/** The images at the given indices, as a new shard. */
export function selectImages(shard: ImageShard, indices: readonly number[]): ImageShard {
  const size = shard.width * shard.height;
  const pixels = new Uint8Array(indices.length * size);
  indices.forEach((source, target) => pixels.set(shard.pixels.subarray(source * size, (source + 1) * size), target * size));
  return { width: shard.width, height: shard.height, pixels, labels: Uint8Array.from(indices, (index) => shard.labels[index]!) };
}
