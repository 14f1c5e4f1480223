import { route } from '@/server/http/route';
import { readPipelineStatus } from '@/server/pipelines/request-deployment';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await readPipelineStatus(app, params.id!) }));
