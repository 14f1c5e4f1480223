import { algorithmInstancesQuerySchema, algorithmInstancesSchema } from '../../../lib/contracts/algorithm-instances';
import type { ApiOperation } from '../api-operation';

/** Endpoints added for the operator console's settings and algorithms pages. */
export const settingsConsoleOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/algorithms/{id}/instances',
    summary: "Running instances of an algorithm version (phase, ready, restarts, last exit, endpoint) from the worker's runtime; log lines for operators. 503 when the worker does not answer",
    tag: 'algorithms',
    access: 'viewer',
    query: algorithmInstancesQuerySchema,
    response: algorithmInstancesSchema,
  },
];
