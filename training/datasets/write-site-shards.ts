import { join } from 'node:path';
import { partitionByLabelShards, partitionIid } from '../../lib/federated/partition';
import { createSeededRandom, seedFrom, shuffled } from '../../lib/federated/seeded-random';
import { selectImages, writeImageShard, writeSiteManifest, type ImageShard } from './image-shard';

export type SplitKind = { kind: 'iid' } | { kind: 'non-iid'; shardsPerSite: number };

export interface WriteSiteShardsOptions {
  algorithm: string;
  siteIds: string[];
  /** Each site gets `<root>/<siteId>/`; only that folder is given to its agent. */
  root: string;
  split: SplitKind;
  seed: number;
  /** Use only this many of the training images (a faster test); all when absent. */
  limit?: number;
  /** Each site keeps this share of its images as its local test split (federated evaluation). */
  localTestFraction?: number;
}

/** Partitions a data set across site folders; returns each site's sample counts and labels. */
export async function writeSiteShards(data: ImageShard, options: WriteSiteShardsOptions): Promise<Array<{ siteId: string; folder: string; train: number; test: number; labels: number[] }>> {
  const pool = options.limit === undefined ? data : selectImages(data, shuffled(range(data.labels.length), createSeededRandom(seedFrom(options.seed, 'limit'))).slice(0, options.limit).sort((a, b) => a - b));
  const parts = options.split.kind === 'iid'
    ? partitionIid(pool.labels.length, options.siteIds.length, seedFrom(options.seed, 'iid'))
    : partitionByLabelShards(pool.labels, options.siteIds.length, options.split.shardsPerSite, seedFrom(options.seed, 'shards'));
  const testFraction = options.localTestFraction ?? 0.15;
  return Promise.all(
    options.siteIds.map(async (siteId, index) => {
      const indices = shuffled(parts[index]!, createSeededRandom(seedFrom(options.seed, siteId)));
      const testCount = Math.round(indices.length * testFraction);
      const folder = join(options.root, siteId);
      const train = selectImages(pool, indices.slice(testCount));
      const test = selectImages(pool, indices.slice(0, testCount));
      await writeImageShard(folder, 'train', train);
      await writeImageShard(folder, 'test', test);
      const labels = [...new Set(train.labels)].sort((a, b) => a - b);
      const splitName = options.split.kind === 'iid' ? 'iid' : `non-iid:${options.split.shardsPerSite}-shards`;
      await writeSiteManifest(folder, { algorithm: options.algorithm, trainSamples: train.labels.length, testSamples: test.labels.length, labels, split: splitName });
      return { siteId, folder, train: train.labels.length, test: test.labels.length, labels };
    }),
  );
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
