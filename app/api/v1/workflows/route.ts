import { listWorkflowsQuerySchema } from '@/lib/contracts/workflows';
import { route } from '@/server/http/route';
import { listWorkflows } from '@/server/workflows/list-workflows';

export const GET = route({ access: 'viewer', query: listWorkflowsQuerySchema }, async ({ app, query, request }) => ({ json: await listWorkflows(app, query, request.headers.get('host')) }));
