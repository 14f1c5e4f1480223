import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { proximalGradient } from '../../lib/federated/fed-prox';
import { flattenWeights, parameterCount } from '../../lib/federated/weights';
import { useWasmBackend } from '../../algorithms/shared/tfjs/wasm-backend';
import { mnistMlpTrainable } from '../mnist/mnist-mlp';
import { initialiseMlp } from './mlp-layout';
import { sgdStep, type ImageData } from './mlp-trainable';

const mnistShape = { inputSize: 784, hidden: [200, 200], classes: 10 };

/** Two separable "digits": class 0 lights the first half of the image, class 1 the second. */
function syntheticDigits(count: number): ImageData {
  const inputs = new Float32Array(count * 784);
  const labels = Uint8Array.from({ length: count }, (_, index) => index % 2);
  labels.forEach((label, index) => inputs.fill(1, index * 784 + label * 392, index * 784 + (label + 1) * 392));
  return { inputs, labels };
}

describe('MLP trainable as the MNIST 2NN (tfjs, wasm backend)', () => {
  it('initialises the 2NN (199,210 parameters) identically from a seed', () => {
    const weights = initialiseMlp(7, mnistShape);
    expect(weights.map((tensor) => tensor.shape)).toEqual([[784, 200], [200], [200, 200], [200], [200, 10], [10]]);
    expect(parameterCount(weights)).toBe(199_210);
    expect(Array.from(flattenWeights(initialiseMlp(7, mnistShape)).slice(0, 50))).toEqual(Array.from(flattenWeights(weights).slice(0, 50)));
    const limit = Math.sqrt(6 / (784 + 200));
    expect(weights[0]!.values.every((value) => Math.abs(value) <= limit)).toBe(true);
  });

  it('the FedProx step equals w − η·(g + μ(w − w_t)) with lib/federated\'s proximal gradient', async () => {
    await useWasmBackend();
    const weights = [0.5, -1, 2];
    const anchor = [0.25, -1, 1];
    const gradient = [0.1, 0.2, -0.3];
    const step = sgdStep(tf.tensor(weights), tf.tensor(gradient), tf.tensor(anchor), { learningRate: 0.1, proximalMu: 0.5 });
    const proximal = proximalGradient(weights, anchor, 0.5);
    const expected = weights.map((value, index) => value - 0.1 * (gradient[index]! + proximal[index]!));
    Array.from(step.dataSync()).forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 6));
  });

  it('learns, reports its metrics and sample count, and trains bit-identically for the same seed', async () => {
    const data = syntheticDigits(200);
    const initial = mnistMlpTrainable.initialise(1);
    const options = { epochs: 1, batchSize: 10, learningRate: 0.1, proximalMu: 0, seed: 3 };
    const first = await mnistMlpTrainable.trainLocally(initial, data, options);
    const second = await mnistMlpTrainable.trainLocally(initial, data, options);
    expect(first.sampleCount).toBe(200);
    expect(first.metrics.accuracy).toBeGreaterThan(0.9);
    expect(Buffer.from(mnistMlpTrainable.serialise(first.weights)).equals(Buffer.from(mnistMlpTrainable.serialise(second.weights)))).toBe(true);
    expect(await mnistMlpTrainable.evaluate(first.weights, syntheticDigits(50))).toMatchObject({ accuracy: 1 });
    const proximal = await mnistMlpTrainable.trainLocally(initial, data, { ...options, proximalMu: 1 });
    // The proximal term pulls towards the start: the update moves less far than plain SGD's.
    const start = flattenWeights(initial);
    const distance = (weights: typeof initial) => flattenWeights(weights).reduce((sum, value, index) => sum + (value - start[index]!) ** 2, 0);
    expect(distance(proximal.weights)).toBeLessThan(distance(first.weights));
  });
});
