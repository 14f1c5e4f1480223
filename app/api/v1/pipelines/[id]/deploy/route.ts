import { deployBodySchema } from '@/lib/contracts/pipeline-builder';
import { route } from '@/server/http/route';
import { requestDeployment } from '@/server/pipelines/request-deployment';

/** 202: the pipeline workflow takes it from here; poll /status. */
export const POST = route({ access: 'operator', body: deployBodySchema }, async ({ app, params, body, principal }) => ({
  status: 202,
  json: await requestDeployment(app, params.id!, body.revision, principal!),
}));
