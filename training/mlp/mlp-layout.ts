import { createSeededRandom } from '../../lib/federated/seeded-random';
import type { ModelWeights, WeightLayout } from '../../lib/federated/weights';

/** A dense ReLU network over flattened grey images; the FedAvg paper's MNIST "2NN" is 784-200-200-10. */
export interface MlpShape {
  inputSize: number;
  hidden: readonly number[];
  classes: number;
}

/** Glorot-uniform kernels and zero biases from a seeded generator: identical bits in every process. */
export function initialiseMlp(seed: number, shape: MlpShape): ModelWeights {
  const random = createSeededRandom(seed);
  const sizes = [shape.inputSize, ...shape.hidden, shape.classes];
  return sizes.slice(1).flatMap((units, layer) => {
    const fanIn = sizes[layer]!;
    const limit = Math.sqrt(6 / (fanIn + units));
    return [
      { name: `dense${layer + 1}/kernel`, shape: [fanIn, units], values: Float32Array.from({ length: fanIn * units }, () => (random.nextFloat() * 2 - 1) * limit) },
      { name: `dense${layer + 1}/bias`, shape: [units], values: new Float32Array(units) },
    ];
  });
}

/** The tensor names and shapes initialiseMlp builds: what a stored model must match to be loaded as this network. */
export function mlpLayout(shape: MlpShape): WeightLayout {
  const sizes = [shape.inputSize, ...shape.hidden, shape.classes];
  return sizes.slice(1).flatMap((units, layer) => [
    { name: `dense${layer + 1}/kernel`, shape: [sizes[layer]!, units] },
    { name: `dense${layer + 1}/bias`, shape: [units] },
  ]);
}
