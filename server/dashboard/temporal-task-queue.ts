import protoPackage from '@temporalio/proto';
import type { TemporalClientHolder } from '../temporal/temporal-client';
import type { TaskQueuePoller } from '../temporal/temporal.port';

// A CommonJS package: Node's ESM loader gives only its default export.
const proto = protoPackage.temporal;
const describeTimeoutMs = 2000;

/** Temporal adapter: the workers seen polling the task queue's workflow tasks (DescribeTaskQueue's poller list). */
export function createTaskQueueProbe(temporal: TemporalClientHolder, settings: { namespace: string; taskQueue: string }): { taskQueuePollers(): Promise<TaskQueuePoller[]> } {
  return {
    async taskQueuePollers() {
      const client = await temporal.client();
      const response = await client.connection.withDeadline(Date.now() + describeTimeoutMs, () =>
        client.workflowService.describeTaskQueue({
          namespace: settings.namespace,
          taskQueue: { name: settings.taskQueue, kind: proto.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        }),
      );
      return (response.pollers ?? []).map((poller) => ({
        identity: poller.identity ?? '',
        lastAccessTime: poller.lastAccessTime?.seconds ? new Date(Number(poller.lastAccessTime.seconds) * 1000 + Math.round((poller.lastAccessTime.nanos ?? 0) / 1e6)).toISOString() : null,
      }));
    },
  };
}
