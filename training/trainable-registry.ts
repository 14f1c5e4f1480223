import type { Trainable } from './trainable';
import { trainableNames as names, type TrainableName } from './trainable-names';

/**
 * Trainables by name, loaded on first use: the coordinator only initialises and aggregates, so it does
 * not pay for tfjs until a site asks it to train.
 */
const loaders: Record<TrainableName, () => Promise<Trainable>> = {
  'mnist-mlp': async () => (await import('./mnist/mnist-mlp')).mnistMlpTrainable as Trainable,
  'alarm-verifier': async () => (await import('./alarm-verifier/alarm-verifier')).alarmVerifierTrainable as Trainable,
};

export const trainableNames: readonly string[] = names;

export class UnknownTrainableError extends Error {
  override name = 'UnknownTrainableError';
}

export async function loadTrainable(name: string): Promise<Trainable> {
  const load = (names as readonly string[]).includes(name) ? loaders[name as TrainableName] : undefined;
  if (!load) throw new UnknownTrainableError(`no trainable algorithm named ${name} (known: ${trainableNames.join(', ')})`);
  return load();
}
