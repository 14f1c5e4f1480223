import { verifierAlgorithm } from '../../lib/analysis/alarm-verification';
import type { ModelRollout, PublishModelVersionBody, PublishModelVersionResult } from '../../lib/contracts/training';
import { AppError, notFound } from '../../lib/errors';
import { decodeWeights } from '../../lib/federated/weights-codec';
import { assertSameLayout, layoutOf } from '../../lib/federated/weights';
import type { ModelVersionsTable } from '../../db/schema';
import { alarmVerifierShape } from '../../training/alarm-verifier/alarm-verifier-shape';
import { artifactRootOf, createFileArtifactStore } from '../../training/artifact-store';
import { mlpLayout } from '../../training/mlp/mlp-layout';
import type { AppContext } from '../app-context';
import { recordAudit } from '../audit/record-audit';
import type { Principal } from '../auth/principal';
import { activateModelVersion, readActiveModelVersion, readModelVersionRow } from './active-model-versions';
import { toModelVersion } from './training-job-mapper';

/**
 * Makes a model version the active one of its algorithm and rolls it out: every running pipeline's workflow is
 * asked to redeploy, and its deploy reads the active version into the analyzers' run specs (docs/decisions/0010).
 * Only alarm-verifier versions have deployments to go to; the artifact is checked first, so a model that analyzers
 * could not load is refused here rather than discovered in each of them.
 */
export async function publishModelVersionToAnalyzers(app: AppContext, actor: Principal, id: string, body: PublishModelVersionBody, ip: string | null): Promise<PublishModelVersionResult> {
  const row = await readModelVersionRow(app.db, id);
  if (!row) throw notFound('Model version', id);
  if (row.algorithm !== verifierAlgorithm) {
    throw new AppError('conflict', `Model version ${id} is ${row.algorithm} v${row.version}: only ${verifierAlgorithm} versions can be published to analyzers (they score alarm snapshots); ${row.algorithm} models have no deployment to go to`, {
      algorithm: row.algorithm,
      publishable: [verifierAlgorithm],
    });
  }
  await checkArtifact(app.config.dataDir, row);
  const previous = await readActiveModelVersion(app.db, row.algorithm);
  await activateModelVersion(app.db, { algorithm: row.algorithm, modelVersionId: id, publishedBy: actor.userId }, app.now());
  const rollout = await rollOut(app, id);
  await recordAudit(app.db, {
    actor,
    action: 'training.model.publish',
    resourceType: 'model_version',
    resourceId: id,
    details: { algorithm: row.algorithm, version: row.version, previous: previous?.id ?? null, ...(body.note ? { note: body.note } : {}), rollout: rollout.map((entry) => `${entry.pipelineId}:${entry.outcome}`) },
    ip,
    at: app.now(),
  });
  return { modelVersion: toModelVersion(row, true), rollout };
}

async function checkArtifact(dataDir: string, row: ModelVersionsTable): Promise<void> {
  try {
    const bytes = await createFileArtifactStore(artifactRootOf(dataDir)).get({ uri: row.model_uri, sha256: row.model_sha256 });
    assertSameLayout(mlpLayout(alarmVerifierShape), layoutOf(decodeWeights(bytes)), `model version ${row.id}`);
  } catch (error) {
    throw new AppError('conflict', `Model version ${row.id} cannot be published: its model cannot be loaded (${error instanceof Error ? error.message : String(error)})`, { uri: row.model_uri });
  }
}

/** Pipelines the database says should run; one that cannot be reached now gets the model at its next deploy. */
async function rollOut(app: AppContext, modelVersionId: string): Promise<ModelRollout[]> {
  const pipelines = await app.db.selectFrom('pipelines').select('id').where('desired_state', '=', 'running').orderBy('id').execute();
  const rollout: ModelRollout[] = [];
  for (const { id: pipelineId } of pipelines) {
    try {
      const { wasRunning } = await app.workflows.redeployPipeline({ pipelineId, reason: `model version ${modelVersionId} published` });
      rollout.push({ pipelineId, outcome: wasRunning ? 'signalled' : 'not-running' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      app.logger.warn({ pipelineId, modelVersionId, err: message }, 'pipeline not asked to roll over to the published model');
      rollout.push({ pipelineId, outcome: 'failed', error: message });
    }
  }
  return rollout;
}
