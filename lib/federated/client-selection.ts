import { createSeededRandom, shuffled } from './seeded-random';

export interface SelectionPolicy {
  /** Fraction C of the available sites asked to train each round. */
  fraction: number;
  /** Never ask fewer than this many (when that many are available). */
  minimum: number;
}

/**
 * max(minimum, ⌈C·n⌉) of the available sites, drawn with a seeded generator so the workflow replays the
 * same choice; returned sorted, which fixes the order updates are summed in.
 */
export function selectClients(available: readonly string[], { fraction, minimum }: SelectionPolicy, seed: number): string[] {
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`client fraction must be in (0, 1], got ${fraction}`);
  const sorted = [...new Set(available)].sort();
  const count = Math.min(sorted.length, Math.max(minimum, Math.ceil(fraction * sorted.length)));
  return shuffled(sorted, createSeededRandom(seed)).slice(0, count).sort();
}
