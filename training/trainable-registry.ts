import type { Trainable } from './trainable';

/**
 * Trainables by name, loaded on first use: the coordinator only initialises and aggregates, so it does
 * not pay for tfjs until a site asks it to train.
 */
const loaders: Record<string, () => Promise<Trainable>> = {
  'mnist-mlp': async () => (await import('./mnist/mnist-mlp')).mnistMlpTrainable as Trainable,
  'alarm-verifier': async () => (await import('./alarm-verifier/alarm-verifier')).alarmVerifierTrainable as Trainable,
};

export const trainableNames = Object.keys(loaders);

export class UnknownTrainableError extends Error {
  override name = 'UnknownTrainableError';
}

export async function loadTrainable(name: string): Promise<Trainable> {
  const load = loaders[name];
  if (!load) throw new UnknownTrainableError(`no trainable algorithm named ${name} (known: ${trainableNames.join(', ')})`);
  return load();
}
