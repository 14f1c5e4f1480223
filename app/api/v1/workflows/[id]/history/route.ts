import { z } from 'zod';
import { route } from '@/server/http/route';

const historyQuerySchema = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const GET = route({ access: 'viewer', query: historyQuerySchema }, async ({ app, params, query }) => ({
  json: { items: await app.workflows.workflowHistory({ workflowId: decodeURIComponent(params.id!), limit: query.limit }) },
}));
