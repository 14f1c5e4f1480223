import { listModelVersionsQuerySchema } from '@/lib/contracts/training';
import { route } from '@/server/http/route';
import { listModelVersions } from '@/server/training/list-model-versions';

export const GET = route({ access: 'viewer', query: listModelVersionsQuerySchema }, async ({ app, query }) => ({ json: { items: await listModelVersions(app, query) } }));
