import { join } from 'node:path';
import { analyzerWorkloadId } from '../runtime/analyzer-workload';
import { buildWorkloadId } from '../runtime/workload-id';

export interface AnalyzerIdentity {
  pipelineId: string;
  cameraNodeId: string;
  revision: number;
  verifierModelVersionId?: string | undefined;
}

/**
 * An analyzer's workload id: pipeline × camera node × revision, and the verifier model when there is one. A
 * redeploy of the same revision with a newly published model then gets new workloads, which the make-before-break
 * hand-over starts beside the old ones; without a model the id is the runtime's own, as before models existed.
 */
export function analyzerWorkloadIdOf(analyzer: AnalyzerIdentity): string {
  const { pipelineId, cameraNodeId, revision, verifierModelVersionId } = analyzer;
  return verifierModelVersionId ? buildWorkloadId('analyzer', [pipelineId, cameraNodeId, `r${revision}`, verifierModelVersionId]) : analyzerWorkloadId(pipelineId, cameraNodeId, revision);
}

/** One run-spec file per analyzer workload: the old and the new analyzer of a hand-over each keep theirs. */
export function analyzerRunSpecFile(runSpecDir: string, analyzer: AnalyzerIdentity): string {
  const { pipelineId, cameraNodeId, revision, verifierModelVersionId } = analyzer;
  return join(runSpecDir, `${pipelineId}-${cameraNodeId}-r${revision}${verifierModelVersionId ? `-${verifierModelVersionId}` : ''}.json`);
}
