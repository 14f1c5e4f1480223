import type { WorkflowExecutionInfo } from '@temporalio/client';
import protoPackage from '@temporalio/proto';
import type { WorkflowHistoryEvent, WorkflowSummary } from '../../lib/contracts/workflows';
import type { TemporalClientHolder } from './temporal-client';
import type { WorkflowEnginePort } from './temporal.port';

// A CommonJS package: Node's ESM loader gives only its default export (Vitest's interop would hide this).
const proto = protoPackage.temporal;

type Visibility = Pick<WorkflowEnginePort, 'listWorkflows' | 'workflowHistory'>;

const statusNames: Record<string, WorkflowSummary['status']> = {
  RUNNING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  TERMINATED: 'terminated',
  CONTINUED_AS_NEW: 'continued-as-new',
  TIMED_OUT: 'timed-out',
};

function toSummary(info: WorkflowExecutionInfo): WorkflowSummary {
  return {
    workflowId: info.workflowId,
    runId: info.runId,
    type: info.type,
    status: statusNames[info.status.name] ?? 'unknown',
    startTime: info.startTime.toISOString(),
    closeTime: info.closeTime?.toISOString() ?? null,
    historyLength: info.historyLength,
  };
}

/** Lists workflows through Temporal's visibility API (the dev server keeps it in its own database). */
export function createWorkflowVisibility(temporal: TemporalClientHolder): Visibility {
  return {
    async listWorkflows({ type, status, limit }) {
      const clauses = [type ? `WorkflowType = '${type}'` : undefined, status === 'running' ? `ExecutionStatus = 'Running'` : status === 'closed' ? `ExecutionStatus != 'Running'` : undefined].filter(Boolean);
      const items: WorkflowSummary[] = [];
      for await (const info of (await temporal.client()).workflow.list({ query: clauses.join(' AND ') || undefined })) {
        items.push(toSummary(info));
        if (items.length >= limit) break;
      }
      return items;
    },

    async workflowHistory({ workflowId, limit }) {
      const history = await (await temporal.client()).workflow.getHandle(workflowId).fetchHistory();
      const events: WorkflowHistoryEvent[] = (history.events ?? []).map((event) => ({
        eventId: Number(event.eventId ?? 0),
        type: (proto.api.enums.v1.EventType[event.eventType ?? 0] ?? 'unknown').replace(/^EVENT_TYPE_/, '').toLowerCase(),
        time: event.eventTime?.seconds ? new Date(Number(event.eventTime.seconds) * 1000 + Math.round((event.eventTime.nanos ?? 0) / 1e6)).toISOString() : '',
      }));
      return events.slice(-limit);
    },
  };
}
