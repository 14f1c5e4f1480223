import { condition, continueAsNew, defineQuery, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { redeploySignalName, summarise, type PipelineDeployment, type PipelineRunStatus, type RedeployRequest, type UpdateHandover } from '../lib/pipeline/deployment';

export interface PipelineWorkflowInput {
  pipelineId: string;
  revision: number;
  /** Carried across continue-as-new so that a running deployment is supervised, not redeployed. */
  deployment?: PipelineDeployment;
  repairs?: number;
  /** An update signalled just before continue-as-new, carried over so it is not lost. */
  pendingRevision?: number;
  /** Likewise a redeploy (its reason). */
  pendingRedeploy?: string;
}

export const updatePipelineSignal = defineSignal<[number]>('update');
export const stopPipelineSignal = defineSignal('stop');
/** Redeploy the running revision: the deploy re-reads what may have changed (the published verifier model) and hands over. */
export const redeployPipelineSignal = defineSignal<[RedeployRequest]>(redeploySignalName);
export const pipelineStatusQuery = defineQuery<PipelineRunStatus>('status');

// Deploying waits for models to load (minutes on a cold box): long timeout, heartbeats prove progress.
const { deployPipelineRevision } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', maximumInterval: '2 minutes', maximumAttempts: 5 },
});
// The hand-over waits for each replacement to answer ready (heartbeating); a refusal is final, other failures retry.
const { handOverPipelineDeployment } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 5 },
});
// Bookkeeping and inspection are quick and safe to retry.
const { inspectPipelineDeployment, retirePipelineDeployment, recordPipelineState } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const healthCheckInterval = '15 seconds';
// Well before Temporal's history limits: each loop adds a handful of events.
const maxLoopsPerRun = 500;

/**
 * A deployed pipeline (id `pipeline:<id>`): deploy a revision, then supervise it — health checks that repair
 * lost workloads, rolling updates (new analyzers up before old ones go), stop — for months, via continue-as-new.
 */
export async function pipelineWorkflow(input: PipelineWorkflowInput): Promise<PipelineRunStatus> {
  let pendingRevision: number | undefined = input.pendingRevision;
  let pendingRedeploy: string | undefined = input.pendingRedeploy;
  let stopRequested = false;
  let repairs = input.repairs ?? 0;
  let status: PipelineRunStatus = { state: 'deploying', revision: input.revision, workloads: [], checkedAt: new Date().toISOString(), repairs };
  setHandler(updatePipelineSignal, (revision) => {
    pendingRevision = revision;
  });
  setHandler(stopPipelineSignal, () => {
    stopRequested = true;
  });
  setHandler(redeployPipelineSignal, (request) => {
    pendingRedeploy = request.reason;
  });
  setHandler(pipelineStatusQuery, () => status);

  let deployment: PipelineDeployment;
  if (input.deployment) deployment = input.deployment;
  else {
    try {
      deployment = await deployPipelineRevision({ pipelineId: input.pipelineId, revision: input.revision });
    } catch (error) {
      status = { ...status, state: 'failed', lastError: errorMessage(error) };
      await recordPipelineState({ pipelineId: input.pipelineId, desiredState: 'stopped', deployedRevision: null });
      return status;
    }
    await recordPipelineState({ pipelineId: input.pipelineId, desiredState: 'running', deployedRevision: deployment.revision });
  }

  for (let loop = 0; loop < maxLoopsPerRun && !workflowInfo().continueAsNewSuggested; loop++) {
    await condition(() => stopRequested || pendingRevision !== undefined || pendingRedeploy !== undefined, healthCheckInterval);
    if (stopRequested) return stop(deployment);
    if (pendingRevision !== undefined && pendingRevision !== deployment.revision) {
      const revision: number = pendingRevision;
      pendingRevision = undefined;
      // The new revision's deploy reads the published model too: it answers a redeploy asked for before it.
      pendingRedeploy = undefined;
      status = { ...status, state: 'updating' };
      await rollOver(revision, undefined);
      continue;
    }
    pendingRevision = undefined;
    if (pendingRedeploy !== undefined) {
      const reason: string = pendingRedeploy;
      pendingRedeploy = undefined;
      status = { ...status, state: 'updating' };
      await rollOver(deployment.revision, reason);
      continue;
    }
    const workloads = await inspectPipelineDeployment(deployment);
    if (workloads.some((workload) => workload.phase === 'missing')) {
      // The runtime lost workloads (e.g. the box restarted): deploying again is idempotent and restores them.
      repairs += 1;
      // Pinned to the running verifier model: a repair restores what ran; a newly published model comes by redeploy.
      deployment = await deployPipelineRevision({ pipelineId: input.pipelineId, revision: deployment.revision, verifier: { modelVersionId: deployment.verifierModelVersionId ?? null } });
    }
    status = { ...status, state: summarise(workloads), revision: deployment.revision, workloads, checkedAt: new Date().toISOString(), repairs };
  }
  // A stop that arrived during the last loop is honoured here rather than lost in the hand-over.
  if (stopRequested) return stop(deployment);
  return continueAsNew<typeof pipelineWorkflow>({
    pipelineId: input.pipelineId,
    revision: deployment.revision,
    deployment,
    repairs,
    ...(pendingRevision !== undefined ? { pendingRevision } : {}),
    ...(pendingRedeploy !== undefined ? { pendingRedeploy } : {}),
  });

  /**
   * Make before break, to a new revision or (with a reason) the same one redeployed: the new analyzers start beside
   * the old ones and answer ready before anything is removed; a failure leaves the old deployment running.
   */
  async function rollOver(revision: number, reason: string | undefined): Promise<void> {
    const what = reason === undefined ? `update to revision ${revision}` : `redeploy of revision ${revision} (${reason})`;
    let next: PipelineDeployment;
    try {
      // Make: the new analyzers start beside the old ones and are ready before anything is removed.
      next = await deployPipelineRevision({ pipelineId: input.pipelineId, revision });
    } catch (error) {
      // The old deployment keeps running: a failed update must not take a working pipeline down.
      status = { ...status, lastError: `${what} failed: ${errorMessage(error)}` };
      return;
    }
    let handover: UpdateHandover;
    try {
      // Break: camera by camera, the old analyzer goes once its replacement answers ready; gaps are measured.
      handover = await handOverPipelineDeployment({ pipelineId: input.pipelineId, old: deployment, next });
    } catch (error) {
      // Refused before anything old was removed: drop what the new deployment started, keep the old one running.
      await retirePipelineDeployment({ pipelineId: input.pipelineId, old: next, next: deployment });
      status = { ...status, lastError: `${what} failed: ${errorMessage(error)}` };
      return;
    }
    deployment = next;
    await recordPipelineState({ pipelineId: input.pipelineId, desiredState: 'running', deployedRevision: revision });
    // A gap beyond the bound is reported (status, worker log), never accepted silently; the update itself stands,
    // since the old analyzers are gone, and the health loop keeps supervising the new ones.
    const overBound = handover.cameras.filter((camera) => camera.exceeded);
    status = {
      ...status,
      revision,
      lastUpdate: reason === undefined ? handover : { ...handover, reason },
      lastError: overBound.length === 0 ? undefined : `${what} exceeded the ${handover.maxGapMs} ms gap bound: ${overBound.map((camera) => `camera node ${camera.cameraNodeId} had no ready analyzer for ${camera.gapMs} ms`).join('; ')}`,
    };
  }

  async function stop(current: PipelineDeployment): Promise<PipelineRunStatus> {
    status = { ...status, state: 'stopping' };
    await retirePipelineDeployment({ pipelineId: input.pipelineId, old: current });
    await recordPipelineState({ pipelineId: input.pipelineId, desiredState: 'stopped', deployedRevision: null });
    status = { ...status, state: 'stopped', workloads: [], checkedAt: new Date().toISOString() };
    return status;
  }
}

function errorMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}
