import { AggregationInputError } from './fed-avg';
import { addModular, subtractModular } from './fixed-point';
import { createSeededRandom } from './seeded-random';
import { assertSameLength } from './weights';

/** A peer of this site in one masking round, with the 128-bit seed the two of them share (and nobody else). */
export interface MaskPeer {
  siteId: string;
  seed: Uint32Array;
}

/**
 * Pairwise additive masking (Bonawitz et al. 2017, without the dropout-recovery shares: the workflow
 * re-masks over the survivors instead). Site i adds mask(i,j) for every peer j > i and subtracts it for
 * j < i, so Σ masked = Σ encoded exactly (mod 2^52), while one masked vector is uniformly random.
 * The seeds come from an X25519 exchange between the sites (training/secure-masking.ts); the expansion
 * here is xoshiro128**, which is fast but not a CSPRNG: an adversarial deployment swaps in AES-CTR.
 */
export function maskContribution(encoded: ArrayLike<number>, selfId: string, peers: readonly MaskPeer[]): Float64Array {
  const masked = Float64Array.from(encoded);
  for (const peer of peers) {
    if (peer.siteId === selfId) throw new AggregationInputError(`site ${selfId} is listed as its own peer`);
    const mask = expandMask(peer.seed, masked.length);
    const add = selfId < peer.siteId;
    for (let index = 0; index < masked.length; index += 1) {
      masked[index] = add ? addModular(masked[index]!, mask[index]!) : subtractModular(masked[index]!, mask[index]!);
    }
  }
  return masked;
}

/** The coordinator's only view: the modular sum of all masked vectors, in which the masks cancel. */
export function sumMasked(vectors: ReadonlyArray<ArrayLike<number>>): Float64Array {
  if (vectors.length === 0) throw new AggregationInputError('nothing to sum');
  assertSameLength(...vectors);
  const sum = new Float64Array(vectors[0]!.length);
  for (const vector of vectors) for (let index = 0; index < sum.length; index += 1) sum[index] = addModular(sum[index]!, vector[index]!);
  return sum;
}

/** A uniform vector in [0, 2^52) from a shared seed: 20 high bits from one draw, 32 low bits from the next. */
export function expandMask(seed: Uint32Array, length: number): Float64Array {
  const random = createSeededRandom(seed);
  return Float64Array.from({ length }, () => (random.nextUint32() >>> 12) * 2 ** 32 + random.nextUint32());
}
