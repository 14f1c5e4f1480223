/** One tensor of a model: a name (stable across rounds), its shape and its row-major float32 values. */
export interface WeightTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** A model's parameters, in a fixed order that every site and the coordinator agree on. */
export type ModelWeights = WeightTensor[];

/** The layout (names and shapes) without the values: what two models must share to be averaged. */
export type WeightLayout = Array<Pick<WeightTensor, 'name' | 'shape'>>;

export class WeightLayoutError extends Error {
  override name = 'WeightLayoutError';
}

export function layoutOf(weights: ModelWeights): WeightLayout {
  return weights.map(({ name, shape }) => ({ name, shape: [...shape] }));
}

export function parameterCount(layout: WeightLayout): number {
  return layout.reduce((sum, tensor) => sum + tensor.shape.reduce((product, size) => product * size, 1), 0);
}

/** Aggregation works on one flat float64 vector per model: sums of float32 values would lose precision. */
export function flattenWeights(weights: ModelWeights): Float64Array {
  const flat = new Float64Array(parameterCount(weights));
  let offset = 0;
  for (const tensor of weights) {
    flat.set(tensor.values, offset);
    offset += tensor.values.length;
  }
  return flat;
}

export function unflattenWeights(layout: WeightLayout, flat: ArrayLike<number>): ModelWeights {
  const total = parameterCount(layout);
  if (flat.length !== total) throw new WeightLayoutError(`a flat vector of ${flat.length} values does not fit a layout of ${total} parameters`);
  let offset = 0;
  return layout.map(({ name, shape }) => {
    const size = shape.reduce((product, dimension) => product * dimension, 1);
    const values = Float32Array.from({ length: size }, (_, index) => flat[offset + index]!);
    offset += size;
    return { name, shape: [...shape], values };
  });
}

/** Fails with the first difference, so a site running another model version is named, not averaged in. */
export function assertSameLayout(expected: WeightLayout, actual: WeightLayout, what: string): void {
  if (expected.length !== actual.length) throw new WeightLayoutError(`${what} has ${actual.length} tensors; expected ${expected.length}`);
  expected.forEach((tensor, index) => {
    const other = actual[index]!;
    if (other.name !== tensor.name || other.shape.join('x') !== tensor.shape.join('x')) {
      throw new WeightLayoutError(`${what}: tensor ${index} is ${other.name} [${other.shape.join(', ')}]; expected ${tensor.name} [${tensor.shape.join(', ')}]`);
    }
  });
}

export function subtractVectors(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  assertSameLength(a, b);
  return Float64Array.from({ length: a.length }, (_, index) => a[index]! - b[index]!);
}

export function addVectors(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  assertSameLength(a, b);
  return Float64Array.from({ length: a.length }, (_, index) => a[index]! + b[index]!);
}

export function l2Norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < vector.length; index += 1) sum += vector[index]! * vector[index]!;
  return Math.sqrt(sum);
}

export function assertSameLength(...vectors: Array<ArrayLike<number>>): void {
  const length = vectors[0]?.length ?? 0;
  const other = vectors.find((vector) => vector.length !== length);
  if (other) throw new WeightLayoutError(`vectors of ${length} and ${other.length} values cannot be combined`);
}
