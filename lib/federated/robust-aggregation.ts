import { AggregationInputError } from './fed-avg';
import { assertSameLength } from './weights';

/**
 * Coordinate-wise median (Yin et al. 2018): each parameter is the median of the sites' values, so a
 * minority of wild or poisoned updates cannot drag it. Unweighted: sample counts are a site's own claim.
 */
export function coordinateMedian(vectors: ReadonlyArray<ArrayLike<number>>): Float64Array {
  return perCoordinate(vectors, (sorted) => {
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  });
}

/** Coordinate-wise trimmed mean: drop the ⌊β·n⌋ lowest and highest values of each parameter, average the rest. */
export function trimmedMean(vectors: ReadonlyArray<ArrayLike<number>>, beta: number): Float64Array {
  if (!(beta >= 0 && beta < 0.5)) throw new AggregationInputError(`trimmed mean needs 0 ≤ β < 0.5, got ${beta}`);
  const trim = Math.floor(beta * vectors.length);
  return perCoordinate(vectors, (sorted) => {
    let sum = 0;
    for (let index = trim; index < sorted.length - trim; index += 1) sum += sorted[index]!;
    return sum / (sorted.length - 2 * trim);
  });
}

function perCoordinate(vectors: ReadonlyArray<ArrayLike<number>>, reduce: (sorted: Float64Array) => number): Float64Array {
  if (vectors.length === 0) throw new AggregationInputError('robust aggregation needs at least one update');
  assertSameLength(...vectors);
  const column = new Float64Array(vectors.length);
  return Float64Array.from({ length: vectors[0]!.length }, (_, coordinate) => {
    vectors.forEach((vector, site) => (column[site] = vector[coordinate]!));
    return reduce(column.sort());
  });
}
