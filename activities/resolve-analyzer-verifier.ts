import type { Db } from '../db/connect';
import { createFileArtifactStore } from '../training/artifact-store';
import { verifierAlgorithm } from '../lib/analysis/alarm-verification';
import type { DeployRevisionRequest } from '../lib/pipeline/deployment';
import type { AnalyzerVerifierSpec } from '../analyzer/analyzer-run-spec';
import type { Logger } from '../server/logger';
import { readActiveModelVersion, readModelVersionRow } from '../server/training/active-model-versions';

/**
 * The verifier a deploy gives its analyzers, re-read from the database (never carried in the signal): the published
 * alarm-verifier version, or the one a repair pins (null: none). The analyzer itself loads and checks the model.
 */
export async function resolveAnalyzerVerifier(db: Db, pin: DeployRevisionRequest['verifier'], artifactRoot: string, logger: Logger): Promise<AnalyzerVerifierSpec | undefined> {
  if (pin?.modelVersionId === null) return undefined;
  const row = pin ? await readModelVersionRow(db, pin.modelVersionId) : await readActiveModelVersion(db, verifierAlgorithm);
  if (!row) {
    if (pin) logger.warn({ modelVersionId: pin.modelVersionId }, 'the verifier model the running analyzers use no longer exists; repaired analyzers run without one');
    return undefined;
  }
  return { modelVersionId: row.id, uri: row.model_uri, sha256: row.model_sha256, artifactRoot };
}

/**
 * A Secret holds at most 1 MiB, the analyzer's run spec included: models up to this size travel in it (base64), larger
 * ones need an artifact store the pods can reach (the S3 adapter, not built yet).
 */
export const maxInlineModelBytes = 600 * 1024;

/** The verifier with its model's bytes inside, for an analyzer that cannot read the worker's artifact folder. */
export async function inlineVerifierModel(verifier: AnalyzerVerifierSpec): Promise<AnalyzerVerifierSpec> {
  const bytes = await createFileArtifactStore(verifier.artifactRoot).get({ uri: verifier.uri, sha256: verifier.sha256 });
  if (bytes.byteLength > maxInlineModelBytes) {
    throw new ModelTooLargeToInlineError(`verifier model ${verifier.modelVersionId} is ${bytes.byteLength} bytes: more than the ${maxInlineModelBytes} that fit in an analyzer's Secret on Kubernetes`);
  }
  return { ...verifier, inlineBase64: Buffer.from(bytes).toString('base64') };
}

export class ModelTooLargeToInlineError extends Error {
  override name = 'ModelTooLargeToInlineError';
}
