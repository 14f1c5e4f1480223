/**
 * A seeded PRNG (xoshiro128**, seeded through splitmix32) for everything that must replay identically:
 * client selection in the workflow, data partitions, DP noise. Not cryptographic: secure-aggregation
 * seeds come from a key exchange outside lib/; see secure-aggregation.ts.
 */
export interface SeededRandom {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  nextFloat(): number;
  /** Standard normal (Box–Muller). */
  nextGaussian(): number;
  /** Uniform integer in [0, bound). */
  nextInt(bound: number): number;
}

/** A 32-bit seed from any parts (FNV-1a over their text): `seedFrom(jobSeed, 'round', 3)`. */
export function seedFrom(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function createSeededRandom(seed: number | Uint32Array): SeededRandom {
  const state = typeof seed === 'number' ? expandSeed(seed) : Uint32Array.from(seed);
  if (state.length !== 4) throw new RangeError('a xoshiro128 state is 4 words');
  if (state.every((word) => word === 0)) state[0] = 1; // the all-zero state is a fixed point

  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(state[1]!, 5), 7), 9) >>> 0;
    const shifted = state[1]! << 9;
    state[2]! ^= state[0]!;
    state[3]! ^= state[1]!;
    state[1]! ^= state[2]!;
    state[0]! ^= state[3]!;
    state[2]! ^= shifted;
    state[3] = rotateLeft(state[3]!, 11);
    return result;
  };
  const nextFloat = (): number => nextUint32() / 2 ** 32;
  return {
    nextUint32,
    nextFloat,
    nextGaussian: () => {
      const u1 = 1 - nextFloat(); // (0, 1]: log(0) is never taken
      const u2 = nextFloat();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    nextInt: (bound) => {
      if (!Number.isInteger(bound) || bound <= 0) throw new RangeError(`nextInt needs a positive integer bound, got ${bound}`);
      return Math.floor(nextFloat() * bound);
    },
  };
}

/** Fisher–Yates with the given generator; returns a new array. */
export function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random.nextInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function expandSeed(seed: number): Uint32Array {
  let value = seed >>> 0;
  return Uint32Array.from({ length: 4 }, () => {
    // splitmix32: decorrelates the four words of nearby seeds.
    value = (value + 0x9e3779b9) >>> 0;
    let mixed = value;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
    mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    return (mixed ^ (mixed >>> 16)) >>> 0;
  });
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
