import { createHash } from 'node:crypto';
import { decodeWeights } from '../lib/federated/weights-codec';
import { assertSameLayout, layoutOf } from '../lib/federated/weights';
import { alarmCropSize, alarmVerifierShape } from '../training/alarm-verifier/alarm-verifier-shape';
import { cropToGrey } from '../training/alarm-verifier/crop-to-grey';
import { createFileArtifactStore } from '../training/artifact-store';
import { mlpLayout } from '../training/mlp/mlp-layout';
import type { AnalyzerVerifierSpec } from './analyzer-run-spec';
import type { CropScorer } from './event-verifier';

/**
 * Reads the model from the artifact store (the store checks the sha256), checks it is the verifier's network, and
 * scores one blank crop so that tfjs' wasm backend is up before the analyzer says it is ready. tfjs is imported
 * only here: analyzers without a verifier never load it.
 */
export async function loadVerifierModel(spec: AnalyzerVerifierSpec): Promise<CropScorer> {
  const bytes = spec.inlineBase64 === undefined ? await createFileArtifactStore(spec.artifactRoot).get({ uri: spec.uri, sha256: spec.sha256 }) : inlineModel(spec);
  const weights = decodeWeights(bytes);
  assertSameLayout(mlpLayout(alarmVerifierShape), layoutOf(weights), `verifier model ${spec.modelVersionId}`);
  const { scoreAlarmCrops } = await import('../training/alarm-verifier/alarm-verifier');
  await scoreAlarmCrops(weights, [new Uint8Array(alarmCropSize * alarmCropSize)]);
  return async (snapshotJpeg, box) => (await scoreAlarmCrops(weights, [await cropToGrey(snapshotJpeg, box)]))[0]!;
}

/** Model bytes handed over in the run spec, held to the same sha256 as a store read. */
function inlineModel(spec: AnalyzerVerifierSpec): Uint8Array {
  const bytes = Buffer.from(spec.inlineBase64 ?? '', 'base64');
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== spec.sha256) throw new Error(`verifier model ${spec.modelVersionId}: the bytes in the run spec have sha256 ${actual}, not ${spec.sha256}`);
  return new Uint8Array(bytes);
}
