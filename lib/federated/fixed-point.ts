/**
 * Fixed-point ring for secure aggregation: reals ↦ integers modulo 2^52, held in float64 (exact below 2^53).
 * Masks cancel exactly in this ring, where float sums of masked values would not.
 * Scale 2^32: resolution 2.3e-10, and any sum must stay within ±2^19 (pre-weighted deltas do, by far).
 */
export const fixedPointModulus = 2 ** 52;
export const fixedPointScale = 2 ** 32;
const halfModulus = fixedPointModulus / 2;

export class FixedPointRangeError extends Error {
  override name = 'FixedPointRangeError';
}

export function encodeFixedPoint(values: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: values.length }, (_, index) => {
    const scaled = Math.round(values[index]! * fixedPointScale);
    if (!Number.isFinite(scaled) || Math.abs(scaled) >= halfModulus) throw new FixedPointRangeError(`value ${values[index]} at ${index} is outside the fixed-point range ±${halfModulus / fixedPointScale}`);
    return scaled < 0 ? scaled + fixedPointModulus : scaled;
  });
}

export function decodeFixedPoint(encoded: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: encoded.length }, (_, index) => {
    const value = encoded[index]!;
    return (value >= halfModulus ? value - fixedPointModulus : value) / fixedPointScale;
  });
}

/** (a + b) mod 2^52 for values already in [0, 2^52): the sum is < 2^53, so exact. */
export function addModular(a: number, b: number): number {
  const sum = a + b;
  return sum >= fixedPointModulus ? sum - fixedPointModulus : sum;
}

export function subtractModular(a: number, b: number): number {
  const difference = a - b;
  return difference < 0 ? difference + fixedPointModulus : difference;
}
