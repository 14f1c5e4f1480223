import { createRevisionBodySchema } from '@/lib/contracts/pipelines';
import { createRevision } from '@/server/pipelines/create-revision';
import { listPipelineRevisions } from '@/server/pipelines/get-pipeline';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: { items: await listPipelineRevisions(app, params.id!) } }));

export const POST = route({ access: 'operator', body: createRevisionBodySchema }, async ({ app, params, body, principal }) => ({
  status: 201,
  json: await createRevision(app, params.id!, body, principal!),
}));
