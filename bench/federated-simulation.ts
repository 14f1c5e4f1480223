import { aggregateUpdates } from '../lib/federated/aggregate-updates';
import { selectClients } from '../lib/federated/client-selection';
import { seedFrom } from '../lib/federated/seeded-random';
import type { AggregationStrategy } from '../lib/federated/strategy';
import { flattenWeights, layoutOf, unflattenWeights, type ModelWeights } from '../lib/federated/weights';
import { partitionByLabelShards, partitionIid } from '../lib/federated/partition';
import { selectImages, type ImageShard } from '../training/datasets/image-shard';
import type { ImageData } from '../training/mlp/mlp-trainable';
import { mnistMlpTrainable, toMnistInput } from '../training/mnist/mnist-mlp';

/**
 * FedAvg rounds in one process with the same trainable and aggregation code the sites and the coordinator
 * run, minus Temporal and the artifact store: what the algorithm does, apart from what the platform adds.
 */
export interface SimulationOptions {
  clients: number;
  fraction: number;
  split: 'iid' | 'non-iid';
  /** Non-IID: label-sorted shards per client (the paper: 2). */
  shardsPerClient: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  strategy: AggregationStrategy;
  maxRounds: number;
  target: number;
  seed: number;
}

export interface RoundReport {
  round: number;
  accuracy: number;
  loss: number;
  samplesTrained: number;
  trainSeconds: number;
  wallSeconds: number;
}

export async function simulateFederated(train: ImageShard, test: ImageData, options: SimulationOptions, onRound: (report: RoundReport) => void): Promise<RoundReport[]> {
  const parts = options.split === 'iid' ? partitionIid(train.labels.length, options.clients, options.seed) : partitionByLabelShards(train.labels, options.clients, options.shardsPerClient, options.seed);
  const clients = parts.map((indices) => toMnistInput(selectImages(train, indices)));
  const ids = clients.map((_, index) => `client-${String(index).padStart(3, '0')}`);
  let global: ModelWeights = mnistMlpTrainable.initialise(options.seed);
  const reports: RoundReport[] = [];
  const started = performance.now();
  for (let round = 1; round <= options.maxRounds; round += 1) {
    const chosen = selectClients(ids, { fraction: options.fraction, minimum: 1 }, seedFrom(options.seed, 'select', round));
    const trainStarted = performance.now();
    const updates = [];
    for (const id of chosen) {
      const result = await mnistMlpTrainable.trainLocally(global, clients[ids.indexOf(id)]!, { ...options, proximalMu: options.strategy.kind === 'fedprox' ? options.strategy.mu : 0, seed: seedFrom(options.seed, 'train', round, id) });
      updates.push({ siteId: id, sampleCount: result.sampleCount, weights: flattenWeights(result.weights) });
    }
    const trainSeconds = (performance.now() - trainStarted) / 1000;
    global = unflattenWeights(layoutOf(global), aggregateUpdates(updates, { global: flattenWeights(global), strategy: options.strategy, noiseSeed: round }).weights);
    const metrics = await mnistMlpTrainable.evaluate(global, test);
    const report = { round, ...metrics, samplesTrained: updates.reduce((sum, update) => sum + update.sampleCount, 0) * options.epochs, trainSeconds, wallSeconds: (performance.now() - started) / 1000 };
    reports.push(report);
    onRound(report);
    if (metrics.accuracy >= options.target) break;
  }
  return reports;
}

/** The baseline: one model trained on the union of the data, one epoch per "round". */
export async function trainCentralised(train: ImageData, test: ImageData, options: Pick<SimulationOptions, 'batchSize' | 'learningRate' | 'maxRounds' | 'target' | 'seed'>, onEpoch: (report: RoundReport) => void): Promise<RoundReport[]> {
  let weights = mnistMlpTrainable.initialise(options.seed);
  const reports: RoundReport[] = [];
  const started = performance.now();
  for (let epoch = 1; epoch <= options.maxRounds; epoch += 1) {
    const trainStarted = performance.now();
    weights = (await mnistMlpTrainable.trainLocally(weights, train, { epochs: 1, batchSize: options.batchSize, learningRate: options.learningRate, proximalMu: 0, seed: seedFrom(options.seed, 'central', epoch) })).weights;
    const trainSeconds = (performance.now() - trainStarted) / 1000;
    const metrics = await mnistMlpTrainable.evaluate(weights, test);
    const report = { round: epoch, ...metrics, samplesTrained: train.labels.length, trainSeconds, wallSeconds: (performance.now() - started) / 1000 };
    reports.push(report);
    onEpoch(report);
    if (metrics.accuracy >= options.target) break;
  }
  return reports;
}
