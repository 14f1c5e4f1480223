import { assertSameLength } from './weights';

export interface FedAdamParameters {
  /** Server learning rate η. */
  eta: number;
  beta1: number;
  beta2: number;
  /** Adaptivity τ: bounds the step where v is tiny. */
  tau: number;
}

/** The server optimiser's moments; kept per job across rounds (the workflow stores them as an artifact). */
export interface FedAdamState {
  m: Float64Array;
  v: Float64Array;
}

/**
 * FedAdam (Reddi et al. 2021, "Adaptive Federated Optimization", Alg. 2): the mean client delta Δ is a
 * pseudo-gradient; m = β1·m + (1−β1)·Δ, v = β2·v + (1−β2)·Δ², x = x + η·m/(√v + τ). As in the paper,
 * m starts at 0, v at τ², and there is no bias correction.
 */
export function fedAdamStep(
  global: ArrayLike<number>,
  meanDelta: ArrayLike<number>,
  state: FedAdamState | undefined,
  { eta, beta1, beta2, tau }: FedAdamParameters,
): { weights: Float64Array; state: FedAdamState } {
  assertSameLength(global, meanDelta);
  const m = state ? Float64Array.from(state.m) : new Float64Array(global.length);
  const v = state ? Float64Array.from(state.v) : new Float64Array(global.length).fill(tau * tau);
  assertSameLength(global, m, v);
  const weights = new Float64Array(global.length);
  for (let index = 0; index < global.length; index += 1) {
    const delta = meanDelta[index]!;
    m[index] = beta1 * m[index]! + (1 - beta1) * delta;
    v[index] = beta2 * v[index]! + (1 - beta2) * delta * delta;
    weights[index] = global[index]! + (eta * m[index]!) / (Math.sqrt(v[index]!) + tau);
  }
  return { weights, state: { m, v } };
}
