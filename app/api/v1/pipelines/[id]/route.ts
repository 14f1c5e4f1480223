import { updatePipelineBodySchema } from '@/lib/contracts/pipelines';
import { getPipeline } from '@/server/pipelines/get-pipeline';
import { deletePipeline, updatePipeline } from '@/server/pipelines/update-pipeline';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getPipeline(app, params.id!) }));

export const PATCH = route({ access: 'operator', body: updatePipelineBodySchema }, async ({ app, params, body, principal }) => ({
  json: await updatePipeline(app, params.id!, body, principal!),
}));

export const DELETE = route({ access: 'operator' }, async ({ app, params, principal }) => {
  await deletePipeline(app, params.id!, principal!);
  return new Response(null, { status: 204 });
});
