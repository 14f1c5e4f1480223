import type { Db } from '../db/connect';
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
