import * as tf from '@tensorflow/tfjs';
import { useWasmBackend } from '../../algorithms/shared/tfjs/wasm-backend';
import { createSeededRandom, seedFrom, shuffled } from '../../lib/federated/seeded-random';
import { decodeWeights, encodeWeights } from '../../lib/federated/weights-codec';
import type { ModelWeights } from '../../lib/federated/weights';
import { readImageShard, type ImageShard } from '../datasets/image-shard';
import type { LocalTrainingOptions, LocalTrainingResult, Trainable, TrainingMetrics } from '../trainable';
import { initialiseMlp, type MlpShape } from './mlp-layout';

/** A site's images as the model consumes them: pixels scaled to [0, 1] once, not per batch. */
export interface ImageData {
  inputs: Float32Array;
  labels: Uint8Array;
}

const evaluationBatch = 1000;

/**
 * An image classifier as a dense network on tfjs (wasm backend, one thread: deterministic, and one core per
 * site). The MNIST 2NN and the alarm verifier are two shapes of it.
 */
export function createMlpTrainable(identity: { name: string; width: number; height: number; shape: MlpShape }): Trainable<ImageData> {
  const { name, width, height, shape } = identity;
  if (width * height !== shape.inputSize) throw new Error(`${name}: ${width}×${height} images do not fill ${shape.inputSize} inputs`);
  return {
    name,
    version: [shape.inputSize, ...shape.hidden, shape.classes].join('-'),
    initialise: (seed) => initialiseMlp(seed, shape),
    loadData: async (folder, split) => toModelInput(await readImageShard(folder, split), { name, width, height }),
    sampleCount: (data) => data.labels.length,
    trainLocally: (weights, data, options) => trainLocally(weights, data, options, shape),
    evaluate: (weights, data) => evaluate(weights, data, shape),
    serialise: (weights) => encodeWeights(weights),
    deserialise: (bytes) => decodeWeights(bytes),
  };
}

export function toModelInput(shard: ImageShard, expected: { name: string; width: number; height: number }): ImageData {
  if (shard.width !== expected.width || shard.height !== expected.height) throw new Error(`${expected.name} needs ${expected.width}×${expected.height} images, got ${shard.width}×${shard.height}`);
  return { inputs: Float32Array.from(shard.pixels, (value) => value / 255), labels: shard.labels };
}

async function trainLocally(weights: ModelWeights, data: ImageData, options: LocalTrainingOptions, shape: MlpShape): Promise<LocalTrainingResult> {
  await useWasmBackend();
  const inputSize = shape.inputSize;
  const count = data.labels.length;
  if (count === 0) throw new Error('no local training samples');
  const variables = weights.map((tensor) => tf.variable(tf.tensor(tensor.values, tensor.shape)));
  // FedProx anchors: the global weights this round started from.
  const anchors = options.proximalMu > 0 ? weights.map((tensor) => tf.tensor(tensor.values, tensor.shape)) : [];
  const batchInputs = new Float32Array(options.batchSize * inputSize);
  const totalBatches = options.epochs * Math.ceil(count / options.batchSize);
  let batchesDone = 0;
  let metrics: TrainingMetrics = { loss: Number.NaN, accuracy: 0 };
  try {
    for (let epoch = 0; epoch < options.epochs; epoch += 1) {
      const order = shuffled(range(count), createSeededRandom(seedFrom(options.seed, 'epoch', epoch)));
      let lossSum = 0;
      let correct = 0;
      for (let start = 0; start < count; start += options.batchSize) {
        const batch = order.slice(start, start + options.batchSize);
        batch.forEach((sample, row) => batchInputs.set(data.inputs.subarray(sample * inputSize, (sample + 1) * inputSize), row * inputSize));
        const step = tf.tidy(() => {
          const inputs = tf.tensor2d(batchInputs.subarray(0, batch.length * inputSize), [batch.length, inputSize]);
          const labels = tf.tensor1d(Int32Array.from(batch, (sample) => data.labels[sample]!), 'int32');
          const targets = tf.oneHot(labels, shape.classes);
          let logits: tf.Tensor2D | undefined;
          const { value, grads } = tf.variableGrads(() => {
            logits = tf.keep(forward(variables, inputs));
            return tf.losses.softmaxCrossEntropy(targets, logits) as tf.Scalar;
          }, variables);
          variables.forEach((variable, index) => variable.assign(sgdStep(variable, grads[variable.name]!, anchors[index], options)));
          return [value, logits!.argMax(1).equal(labels).sum()] as const;
        });
        lossSum += step[0].dataSync()[0]! * batch.length;
        correct += step[1].dataSync()[0]!;
        tf.dispose([...step]);
        batchesDone += 1;
        await options.onProgress?.(batchesDone / totalBatches);
      }
      metrics = { loss: lossSum / count, accuracy: correct / count };
    }
    const trained = variables.map((variable, index) => ({ name: weights[index]!.name, shape: [...weights[index]!.shape], values: Float32Array.from(variable.dataSync()) }));
    return { weights: trained, sampleCount: count, metrics };
  } finally {
    tf.dispose([...variables, ...anchors]);
  }
}

/**
 * w ← w − η·(∇F(w) + μ·(w − w_t)): SGD on the data loss plus FedProx's term μ/2·‖w − w_t‖², whose gradient
 * is added in closed form (lib/federated/fed-prox.ts) instead of differentiating 199k squares every batch.
 */
export function sgdStep(weights: tf.Tensor, gradient: tf.Tensor, anchor: tf.Tensor | undefined, options: Pick<LocalTrainingOptions, 'learningRate' | 'proximalMu'>): tf.Tensor {
  const direction = anchor && options.proximalMu > 0 ? gradient.add(weights.sub(anchor).mul(options.proximalMu)) : gradient;
  return weights.sub(direction.mul(options.learningRate));
}

async function evaluate(weights: ModelWeights, data: ImageData, shape: MlpShape): Promise<TrainingMetrics> {
  await useWasmBackend();
  const inputSize = shape.inputSize;
  const count = data.labels.length;
  if (count === 0) throw new Error('no local evaluation samples');
  const parameters = weights.map((tensor) => tf.tensor(tensor.values, tensor.shape));
  let lossSum = 0;
  let correct = 0;
  try {
    for (let start = 0; start < count; start += evaluationBatch) {
      const size = Math.min(evaluationBatch, count - start);
      const [loss, hits] = tf.tidy(() => {
        const inputs = tf.tensor2d(data.inputs.subarray(start * inputSize, (start + size) * inputSize), [size, inputSize]);
        const labels = tf.tensor1d(Int32Array.from(data.labels.subarray(start, start + size)), 'int32');
        const logits = forward(parameters, inputs);
        return [tf.losses.softmaxCrossEntropy(tf.oneHot(labels, shape.classes), logits).mul(size), logits.argMax(1).equal(labels).sum()];
      });
      lossSum += loss.dataSync()[0]!;
      correct += hits.dataSync()[0]!;
      tf.dispose([loss, hits]);
    }
  } finally {
    tf.dispose(parameters);
  }
  return { loss: lossSum / count, accuracy: correct / count };
}

/** Class probabilities (softmax of the logits), row by row: `inputs` holds one scaled image per inputSize values. */
export async function predictProbabilities(weights: ModelWeights, inputs: Float32Array, shape: MlpShape): Promise<Float32Array> {
  await useWasmBackend();
  const count = inputs.length / shape.inputSize;
  if (!Number.isInteger(count)) throw new Error(`${inputs.length} input values are not whole images of ${shape.inputSize}`);
  if (count === 0) return new Float32Array(0);
  const parameters = weights.map((tensor) => tf.tensor(tensor.values, tensor.shape));
  try {
    const probabilities = tf.tidy(() => tf.softmax(forward(parameters, tf.tensor2d(inputs, [count, shape.inputSize]))));
    const values = Float32Array.from(probabilities.dataSync());
    probabilities.dispose();
    return values;
  } finally {
    tf.dispose(parameters);
  }
}

/** Dense layers in kernel/bias pairs, ReLU between them, logits out. */
function forward(parameters: readonly tf.Tensor[], inputs: tf.Tensor2D): tf.Tensor2D {
  let activations: tf.Tensor2D = inputs;
  for (let layer = 0; layer < parameters.length; layer += 2) {
    const dense = activations.matMul(parameters[layer] as tf.Tensor2D).add(parameters[layer + 1]!) as tf.Tensor2D;
    activations = layer + 2 < parameters.length ? dense.relu() : dense;
  }
  return activations;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
