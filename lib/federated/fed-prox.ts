import { assertSameLength } from './weights';

/**
 * FedProx (Li et al. 2020) changes the client, not the server: each site minimises F_k(w) + μ/2·‖w − w_t‖²,
 * which keeps non-IID sites near the global model w_t; the server then averages as FedAvg.
 * These are the reference values the tfjs trainers' loss term is tested against.
 */
export function proximalTerm(local: ArrayLike<number>, global: ArrayLike<number>, mu: number): number {
  assertSameLength(local, global);
  let squared = 0;
  for (let index = 0; index < local.length; index += 1) squared += (local[index]! - global[index]!) ** 2;
  return (mu / 2) * squared;
}

/** ∂/∂w of the proximal term: μ·(w − w_t). */
export function proximalGradient(local: ArrayLike<number>, global: ArrayLike<number>, mu: number): Float64Array {
  assertSameLength(local, global);
  return Float64Array.from({ length: local.length }, (_, index) => mu * (local[index]! - global[index]!));
}
