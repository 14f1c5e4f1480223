import { dashboardQuerySchema, dashboardSchema } from '../../../lib/contracts/dashboard';
import type { ApiOperation } from '../api-operation';

export const dashboardOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/dashboard',
    summary: 'Cameras online/offline, pipelines by state, alarms today by type, the newest alarms and the system health in one snapshot (also at /metrics for Prometheus)',
    tag: 'dashboard',
    access: 'viewer',
    query: dashboardQuerySchema,
    response: dashboardSchema,
  },
];
