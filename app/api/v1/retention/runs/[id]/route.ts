import { route } from '@/server/http/route';
import { getRetentionRun } from '@/server/retention/list-retention-runs';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getRetentionRun(app, params.id!) }));
