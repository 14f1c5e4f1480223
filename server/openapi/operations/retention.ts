import { listRetentionRunsQuerySchema, retentionRunListSchema, retentionRunSchema, startRetentionRunBodySchema } from '../../../lib/contracts/retention';
import type { ApiOperation } from '../api-operation';

// GET /api/algo-tool/cleanData (seed-compatible, outside /api/v1) starts the same runs; see its route.
export const retentionOperations: ApiOperation[] = [
  { method: 'get', path: '/retention/runs', summary: 'Retention runs, newest first, with what each deleted', tag: 'retention', access: 'viewer', query: listRetentionRunsQuerySchema, response: retentionRunListSchema },
  {
    method: 'post',
    path: '/retention/runs',
    summary: 'Start a retention run now (days defaults to the retentionDays setting); poll the returned run',
    tag: 'retention',
    access: 'operator',
    body: startRetentionRunBodySchema,
    response: retentionRunSchema,
    successStatus: 202,
  },
  { method: 'get', path: '/retention/runs/{id}', summary: 'One retention run', tag: 'retention', access: 'viewer', response: retentionRunSchema },
];
