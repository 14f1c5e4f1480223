import { aggregateSecureSum, aggregateUpdates, type AggregationOutput } from '../../lib/federated/aggregate-updates';
import type { FedAdamState } from '../../lib/federated/fed-adam';
import { decodeFixedPoint } from '../../lib/federated/fixed-point';
import type { AggregateRoundInput, AggregateRoundResult } from '../../lib/federated/round-messages';
import { sumMasked } from '../../lib/federated/secure-aggregation';
import { assertSameLayout, flattenWeights, layoutOf, unflattenWeights } from '../../lib/federated/weights';
import { decodeBundle, decodeWeights, encodeBundle, encodeWeights, WeightsCodecError } from '../../lib/federated/weights-codec';
import type { ArtifactStore } from '../artifact-store';

/**
 * The coordinator's aggregation step: fetch by reference, aggregate (lib/federated), store the new global
 * model. Content-addressed and deterministic, so a retried or replayed round yields the same references.
 * Under secure aggregation only masked vectors are read: no individual update exists here to store or log.
 */
export async function aggregateRound(artifacts: ArtifactStore, input: AggregateRoundInput): Promise<AggregateRoundResult> {
  const globalWeights = decodeWeights(await artifacts.get(input.model));
  const layout = layoutOf(globalWeights);
  const global = flattenWeights(globalWeights);
  const serverState = input.serverState ? decodeServerState(await artifacts.get(input.serverState)) : undefined;
  const options = { global, strategy: input.strategy, privacy: input.privacy, noiseSeed: input.noiseSeed, serverState };

  let output: AggregationOutput;
  if (input.secure) {
    const masked = await Promise.all(input.updates.map(async ({ update }) => maskedVector(await artifacts.get(update))));
    output = aggregateSecureSum(decodeFixedPoint(sumMasked(masked)), input.updates.length, options);
  } else {
    const updates = await Promise.all(
      input.updates.map(async ({ siteId, sampleCount, update }) => {
        const weights = decodeWeights(await artifacts.get(update));
        assertSameLayout(layout, layoutOf(weights), `site ${siteId}'s update`);
        return { siteId, sampleCount, weights: flattenWeights(weights) };
      }),
    );
    output = aggregateUpdates(updates, options);
  }
  const model = await artifacts.put(encodeWeights(unflattenWeights(layout, output.weights)));
  const nextState = output.serverState ? await artifacts.put(encodeServerState(output.serverState)) : undefined;
  return { model, ...(nextState ? { serverState: nextState } : {}), ...(output.privacy ? { privacy: output.privacy } : {}) };
}

function maskedVector(bytes: Uint8Array): Float64Array {
  const bundle = decodeBundle(bytes);
  const values = bundle.tensors[0]?.values;
  if (bundle.kind !== 'masked-update' || !(values instanceof Float64Array)) throw new WeightsCodecError(`expected a masked update, got ${bundle.kind}`);
  return values;
}

function encodeServerState(state: FedAdamState): Uint8Array {
  return encodeBundle({ kind: 'server-state', tensors: [{ name: 'm', shape: [state.m.length], values: state.m }, { name: 'v', shape: [state.v.length], values: state.v }] });
}

function decodeServerState(bytes: Uint8Array): FedAdamState {
  const bundle = decodeBundle(bytes);
  const [m, v] = bundle.tensors;
  if (bundle.kind !== 'server-state' || !(m?.values instanceof Float64Array) || !(v?.values instanceof Float64Array)) throw new WeightsCodecError('not a FedAdam server state');
  return { m: m.values, v: v.values };
}
