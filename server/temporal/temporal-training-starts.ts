import type { Client } from '@temporalio/client';
import { AppError } from '../../lib/errors';
import type { federatedTrainingWorkflow } from '../../workflows/federated-training-workflow';
import type { WorkflowEnginePort } from './temporal.port';

/** The training part of the Temporal adapter: one FederatedTraining run per job, by its stable id. */
export function createTrainingStarts(connect: () => Promise<Client>, settings: { taskQueue: string; address: string }): Pick<WorkflowEnginePort, 'startTrainingJob'> {
  const client = () =>
    connect().catch((error: unknown) => {
      throw new AppError('dependency_unavailable', `Temporal at ${settings.address} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    });
  return {
    async startTrainingJob({ jobId, spec }) {
      const workflowId = `training:${jobId}`;
      await (await client()).workflow.start<typeof federatedTrainingWorkflow>('federatedTrainingWorkflow', { workflowId, taskQueue: settings.taskQueue, args: [{ jobId, spec }], workflowIdReusePolicy: 'REJECT_DUPLICATE' });
      return { workflowId };
    },
  };
}
