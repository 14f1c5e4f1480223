import { deployBodySchema } from '@/lib/contracts/pipeline-builder';
import { route } from '@/server/http/route';
import { requestDeployment } from '@/server/pipelines/request-deployment';

export const POST = route({ access: 'operator', body: deployBodySchema }, async ({ app, params, body }) => requestDeployment(app, params.id!, body.revision));
