import type { ImageShard } from '../datasets/image-shard';
import { createMlpTrainable, toModelInput, type ImageData } from '../mlp/mlp-trainable';

/** The FedAvg paper's MNIST "2NN": 784-200-200-10 with ReLU (199,210 parameters). */
export const mnistMlpTrainable = createMlpTrainable({ name: 'mnist-mlp', width: 28, height: 28, shape: { inputSize: 784, hidden: [200, 200], classes: 10 } });

export const toMnistInput = (shard: ImageShard): ImageData => toModelInput(shard, { name: 'mnist-mlp', width: 28, height: 28 });
