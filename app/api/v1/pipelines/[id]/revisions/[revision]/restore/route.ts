import { z } from 'zod';
import { route } from '@/server/http/route';
import { validationError } from '@/server/http/parse-body';
import { restoreRevision } from '@/server/pipelines/restore-revision';

const revisionParam = z.coerce.number().int().positive();

export const POST = route({ access: 'operator' }, async ({ app, params, principal }) => {
  const revision = revisionParam.safeParse(params.revision);
  if (!revision.success) throw validationError(revision.error.issues.map((issue) => ({ ...issue, path: ['revision'] })), 'path');
  return { status: 201, json: await restoreRevision(app, params.id!, revision.data, principal!) };
});
