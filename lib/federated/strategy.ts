import type { FedAdamParameters } from './fed-adam';
import type { PrivacyParameters } from './differential-privacy';

/** How the coordinator turns the round's updates into the next global model (a discriminated union on kind). */
export type AggregationStrategy =
  | { kind: 'fedavg' }
  | { kind: 'fedprox'; mu: number }
  | ({ kind: 'fedadam' } & FedAdamParameters)
  | { kind: 'median' }
  | { kind: 'trimmed-mean'; beta: number };

export type StrategyKind = AggregationStrategy['kind'];

/** Strategies built on a (weighted) mean of deltas: the only ones DP noise and masked sums compose with. */
export function isMeanBased(strategy: AggregationStrategy): boolean {
  return strategy.kind === 'fedavg' || strategy.kind === 'fedprox' || strategy.kind === 'fedadam';
}

/** The proximal μ sites add to their loss; 0 for every strategy but FedProx. */
export function proximalMuOf(strategy: AggregationStrategy): number {
  return strategy.kind === 'fedprox' ? strategy.mu : 0;
}

/** Why a combination cannot run, or undefined when it can; the API and the workflow both check. */
export function strategyConflict(strategy: AggregationStrategy, options: { privacy?: PrivacyParameters | undefined; secureAggregation: boolean }): string | undefined {
  if (options.secureAggregation && !isMeanBased(strategy)) return `secure aggregation reveals only the sum of updates, which ${strategy.kind} cannot work from`;
  if (options.privacy && !isMeanBased(strategy)) return `differential privacy noise is calibrated for a mean of clipped updates, not for ${strategy.kind}`;
  return undefined;
}
