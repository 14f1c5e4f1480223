import type { TrainingMetrics } from '../lib/federated/round-policy';
import type { ModelWeights } from '../lib/federated/weights';

export type { TrainingMetrics };

export interface LocalTrainingOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** FedProx μ; 0 trains plain SGD. */
  proximalMu: number;
  /** Seeds the batch order, so a retried round trains the same way. */
  seed: number;
  /** Called between batches with the fraction done; the site activity heartbeats from it. */
  onProgress?: (fractionDone: number) => void | Promise<void>;
}

export interface LocalTrainingResult {
  weights: ModelWeights;
  sampleCount: number;
  /** Over the last local epoch. */
  metrics: TrainingMetrics;
}

/**
 * An algorithm that can learn at the sites. Data stays opaque to the platform: a trainable loads it
 * from the site's own folder, and only weights, counts and metrics leave the site.
 */
export interface Trainable<TData = unknown> {
  /** Stable name jobs refer to (e.g. `mnist-mlp`). */
  name: string;
  /** Changes when the layout changes: weights of another version cannot be averaged in. */
  version: string;
  /** Deterministic from the seed (no tfjs initialisers), so every process builds the same round-0 model. */
  initialise(seed: number): ModelWeights;
  loadData(folder: string, split: 'train' | 'test'): Promise<TData>;
  sampleCount(data: TData): number;
  trainLocally(weights: ModelWeights, data: TData, options: LocalTrainingOptions): Promise<LocalTrainingResult>;
  evaluate(weights: ModelWeights, data: TData): Promise<TrainingMetrics>;
  serialise(weights: ModelWeights): Uint8Array;
  deserialise(bytes: Uint8Array): ModelWeights;
}
