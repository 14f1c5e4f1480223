import { createSeededRandom, shuffled } from './seeded-random';

/** IID split: a seeded shuffle of all indices, dealt into equal parts (sizes differ by at most one). */
export function partitionIid(count: number, parts: number, seed: number): number[][] {
  const order = shuffled(
    Array.from({ length: count }, (_, index) => index),
    createSeededRandom(seed),
  );
  return Array.from({ length: parts }, (_, part) => order.filter((_, position) => position % parts === part).sort((a, b) => a - b));
}

/**
 * Non-IID split as in McMahan et al. 2017: sort by label, cut into parts·shardsPerPart equal shards,
 * deal shardsPerPart random shards to each part; with 2 shards a part holds about two classes.
 */
export function partitionByLabelShards(labels: ArrayLike<number>, parts: number, shardsPerPart: number, seed: number): number[][] {
  const byLabel = Array.from({ length: labels.length }, (_, index) => index).sort((a, b) => labels[a]! - labels[b]! || a - b);
  const shardCount = parts * shardsPerPart;
  const shardSize = Math.floor(byLabel.length / shardCount);
  if (shardSize === 0) throw new RangeError(`${labels.length} samples cannot fill ${shardCount} shards`);
  const shardOrder = shuffled(
    Array.from({ length: shardCount }, (_, shard) => shard),
    createSeededRandom(seed),
  );
  return Array.from({ length: parts }, (_, part) =>
    shardOrder
      .slice(part * shardsPerPart, (part + 1) * shardsPerPart)
      .flatMap((shard) => byLabel.slice(shard * shardSize, (shard + 1) * shardSize))
      .sort((a, b) => a - b),
  );
}
