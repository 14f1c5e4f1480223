import { isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { AppError } from '../../lib/errors';
import { redeploySignalName, type PipelineRunStatus, type RedeployRequest } from '../../lib/pipeline/deployment';
import type { pipelineWorkflow } from '../../workflows/pipeline-workflow';
import type { TemporalClientHolder } from './temporal-client';
import type { WorkflowEnginePort } from './temporal.port';

type PipelineControl = Pick<WorkflowEnginePort, 'deployPipeline' | 'stopPipeline' | 'redeployPipeline' | 'pipelineStatus'>;

export const pipelineWorkflowId = (pipelineId: string) => `pipeline:${pipelineId}`;

/** Pipeline workflows by their stable id: deploy = signal-with-start (start, or update a running one). */
export function createPipelineControl(temporal: TemporalClientHolder, settings: { taskQueue: string; address: string }): PipelineControl {
  const unreachable = (error: unknown) => new AppError('dependency_unavailable', `Temporal at ${settings.address} is unreachable: ${error instanceof Error ? error.message : String(error)}`);
  const client = () =>
    temporal.client().catch((error: unknown) => {
      throw unreachable(error);
    });
  // An open connection whose server went away (a restart, an outage) fails each call with UNAVAILABLE: that is
  // Temporal being unreachable (503, retry later), not a fault of ours (500).
  const control: PipelineControl = {
    async deployPipeline({ pipelineId, revision }) {
      const workflowId = pipelineWorkflowId(pipelineId);
      await (await client()).workflow.signalWithStart<typeof pipelineWorkflow, [number]>('pipelineWorkflow', {
        workflowId,
        taskQueue: settings.taskQueue,
        args: [{ pipelineId, revision }],
        signal: 'update',
        signalArgs: [revision],
      });
      return { workflowId };
    },

    async stopPipeline({ pipelineId }) {
      try {
        await (await client()).workflow.getHandle(pipelineWorkflowId(pipelineId)).signal('stop');
        return { wasRunning: true };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return { wasRunning: false };
        throw error;
      }
    },

    async redeployPipeline({ pipelineId, reason }) {
      try {
        await (await client()).workflow.getHandle(pipelineWorkflowId(pipelineId)).signal<[RedeployRequest]>(redeploySignalName, { reason });
        return { wasRunning: true };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return { wasRunning: false };
        throw error;
      }
    },

    async pipelineStatus({ pipelineId }) {
      const handle = (await client()).workflow.getHandle(pipelineWorkflowId(pipelineId));
      try {
        const description = await handle.describe();
        if (description.status.name !== 'RUNNING') return { running: false, ...(description.status.name === 'COMPLETED' ? { last: (await handle.result()) as PipelineRunStatus } : {}) };
        // A workflow whose tasks are failing cannot answer queries: say so rather than hang the request.
        const status = await Promise.race([
          handle.query<PipelineRunStatus>('status'),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the pipeline workflow did not answer within 5 s')), 5000).unref()),
        ]).catch((error: unknown) => ({ unanswered: error instanceof Error ? error.message : String(error) }));
        if ('unanswered' in status) return { running: true, problem: status.unanswered };
        return { running: true, status };
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return { running: false };
        throw error;
      }
    },
  };
  return {
    deployPipeline: (input) => control.deployPipeline(input).catch(rethrowUnreachable),
    stopPipeline: (input) => control.stopPipeline(input).catch(rethrowUnreachable),
    redeployPipeline: (input) => control.redeployPipeline(input).catch(rethrowUnreachable),
    pipelineStatus: (input) => control.pipelineStatus(input).catch(rethrowUnreachable),
  };

  function rethrowUnreachable(error: unknown): never {
    throw lostConnection(error) ? unreachable(error) : error;
  }
}

const unavailableCodes = new Set([14 /* UNAVAILABLE */, 4 /* DEADLINE_EXCEEDED */]);

function lostConnection(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause && depth < 5; cause = (cause as { cause?: unknown }).cause, depth += 1) {
    if (isGrpcServiceError(cause) && unavailableCodes.has(cause.code)) return true;
  }
  return false;
}
