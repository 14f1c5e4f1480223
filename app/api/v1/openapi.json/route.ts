import { buildOpenApiDocument } from '@/server/openapi/build-openapi-document';
import { route } from '@/server/http/route';

let cached: Record<string, unknown> | undefined;

export const GET = route({ access: 'public' }, async () => {
  cached ??= buildOpenApiDocument('1');
  return { json: cached };
});
