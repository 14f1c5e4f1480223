import { z } from 'zod';
import { listWorkflowsQuerySchema, workflowHistoryEventSchema, workflowListSchema } from '../../../lib/contracts/workflows';
import type { ApiOperation } from '../api-operation';

export const workflowOperations: ApiOperation[] = [
  { method: 'get', path: '/workflows', summary: 'Workflows of every kind (pipelines, deliveries, retention, reconcile, training) with their state, and the Temporal UI link', tag: 'workflows', access: 'viewer', query: listWorkflowsQuerySchema, response: workflowListSchema },
  {
    method: 'get',
    path: '/workflows/{id}/history',
    summary: 'The last events of a workflow run',
    tag: 'workflows',
    access: 'viewer',
    query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
    response: z.object({ items: z.array(workflowHistoryEventSchema) }),
  },
];
