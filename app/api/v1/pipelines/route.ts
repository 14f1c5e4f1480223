import { createPipelineBodySchema } from '@/lib/contracts/pipelines';
import { createPipeline } from '@/server/pipelines/create-pipeline';
import { listPipelines } from '@/server/pipelines/get-pipeline';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app }) => ({ json: { items: await listPipelines(app) } }));

export const POST = route({ access: 'operator', body: createPipelineBodySchema }, async ({ app, body, principal }) => ({
  status: 201,
  json: await createPipeline(app, body, principal!),
}));
