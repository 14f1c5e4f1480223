import { z } from 'zod';
import { getPipelineRevision } from '@/server/pipelines/get-pipeline';
import { route } from '@/server/http/route';
import { validationError } from '@/server/http/parse-body';

const revisionParam = z.coerce.number().int().positive();

export const GET = route({ access: 'viewer' }, async ({ app, params }) => {
  const revision = revisionParam.safeParse(params.revision);
  if (!revision.success) throw validationError(revision.error.issues.map((issue) => ({ ...issue, path: ['revision'] })), 'path');
  return { json: await getPipelineRevision(app, params.id!, revision.data) };
});
