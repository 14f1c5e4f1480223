import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { pipelineWorkflow } from './pipeline-workflow';

// Listing and removing are quick; a failed reconcile is simply retried by the next scheduled run.
const { listDesiredPipelines, removeOrphanWorkloads, recordRepairs } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 3 },
});

export interface ReconcileResult {
  desired: number;
  /** Pipeline workflows started because a deployed pipeline had none (e.g. Temporal's state was lost). */
  restartedPipelines: string[];
  removedWorkloads: string[];
}

/**
 * Desired state (DB) against actual (pipeline workflows, runtime workloads): start what is missing, remove
 * orphans, record each repair. Runs at worker start and every minute (schedule `reconcile`).
 */
export async function reconcileWorkflow(): Promise<ReconcileResult> {
  const desired = await listDesiredPipelines();
  const restartedPipelines: string[] = [];
  for (const pipeline of desired) {
    try {
      // The stable id makes this a no-op for a running pipeline; ABANDON lets it outlive this short run.
      await startChild(pipelineWorkflow, {
        workflowId: `pipeline:${pipeline.pipelineId}`,
        args: [{ pipelineId: pipeline.pipelineId, revision: pipeline.revision }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      restartedPipelines.push(pipeline.pipelineId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  const orphans = await removeOrphanWorkloads(desired);
  await recordRepairs([
    ...restartedPipelines.map((subject) => ({ subject, action: 'pipeline-restarted', reason: 'deployed in the database but no pipeline workflow was running' })),
    ...orphans.map((orphan) => ({ subject: orphan.workloadId, action: `workload-${orphan.action}`, reason: orphan.reason })),
  ]);
  return { desired: desired.length, restartedPipelines, removedWorkloads: orphans.map((orphan) => orphan.workloadId) };
}
