import { describe, expect, it } from 'vitest';
import { decodeFixedPoint, encodeFixedPoint, FixedPointRangeError, fixedPointModulus } from './fixed-point';
import { expandMask, maskContribution, sumMasked, type MaskPeer } from './secure-aggregation';
import { createSeededRandom } from './seeded-random';

// Pair seeds as the sites would derive them; the coordinator never holds these.
const pairSeed = (a: string, b: string) => Uint32Array.from([a.codePointAt(0)!, b.codePointAt(0)!, 7, 11]);
const sites = ['site-a', 'site-b', 'site-c'];
const peersOf = (self: string): MaskPeer[] => sites.filter((site) => site !== self).map((site) => ({ siteId: site, seed: self < site ? pairSeed(self.at(-1)!, site.at(-1)!) : pairSeed(site.at(-1)!, self.at(-1)!) }));

function randomVector(seed: number, length: number): Float64Array {
  const random = createSeededRandom(seed);
  return Float64Array.from({ length }, () => (random.nextFloat() - 0.5) * 0.2);
}

describe('fixed-point encoding', () => {
  it('round-trips to 2^-32 and maps negatives into the upper half of the ring', () => {
    const encoded = encodeFixedPoint([0.5, -0.25, 0, 1e-3]);
    expect(encoded[0]).toBe(2 ** 31);
    expect(encoded[1]).toBe(fixedPointModulus - 2 ** 30);
    expect(Array.from(decodeFixedPoint(encoded))).toEqual([0.5, -0.25, 0, Math.round(1e-3 * 2 ** 32) / 2 ** 32]);
  });

  it('refuses values outside ±2^19 rather than wrapping them', () => {
    expect(() => encodeFixedPoint([2 ** 19])).toThrow(FixedPointRangeError);
  });
});

describe('pairwise additive masks', () => {
  const length = 5000;
  const contributions = sites.map((_, index) => randomVector(index + 1, length));
  const encoded = contributions.map((vector) => encodeFixedPoint(vector));
  const masked = sites.map((site, index) => maskContribution(encoded[index]!, site, peersOf(site)));

  it('cancel exactly: the sum of masked vectors equals the sum of encoded vectors, bit for bit', () => {
    expect(Array.from(sumMasked(masked))).toEqual(Array.from(sumMasked(encoded)));
    const decoded = decodeFixedPoint(sumMasked(masked));
    contributions[0]!.forEach((_, index) => expect(decoded[index]).toBeCloseTo(contributions[0]![index]! + contributions[1]![index]! + contributions[2]![index]!, 8));
  });

  it('one masked vector reveals nothing obvious: it differs everywhere and looks uniform over the ring', () => {
    for (const [index, vector] of masked.entries()) {
      const differing = vector.filter((value, position) => value !== encoded[index]![position]).length;
      expect(differing).toBe(length);
      const decoded = decodeFixedPoint(vector);
      // The raw contribution lies within ±0.1; a masked coordinate is spread over ±2^19.
      expect(decoded.filter((value) => Math.abs(value) < 1).length).toBeLessThan(length * 0.001);
      const meanFraction = vector.reduce((sum, value) => sum + value / fixedPointModulus, 0) / length;
      expect(meanFraction).toBeGreaterThan(0.47);
      expect(meanFraction).toBeLessThan(0.53);
    }
  });

  it('a missing site leaves its masks in the sum (why the workflow re-masks over the survivors)', () => {
    const partial = sumMasked(masked.slice(0, 2));
    const expected = sumMasked(encoded.slice(0, 2));
    expect(Array.from(partial)).not.toEqual(Array.from(expected));
    const survivors = sites.slice(0, 2);
    const remasked = survivors.map((site, index) => maskContribution(encoded[index]!, site, peersOf(site).filter((peer) => survivors.includes(peer.siteId))));
    expect(Array.from(sumMasked(remasked))).toEqual(Array.from(expected));
  });

  it('masks are uniform in [0, 2^52) and reproducible from the seed', () => {
    const mask = expandMask(pairSeed('a', 'b'), 1000);
    expect(mask.every((value) => Number.isInteger(value) && value >= 0 && value < fixedPointModulus)).toBe(true);
    expect(Array.from(expandMask(pairSeed('a', 'b'), 1000))).toEqual(Array.from(mask));
  });
});
