import { algorithmManifestSchema } from '@/lib/algorithms/manifest-schema';
import { listAlgorithmsQuerySchema } from '@/lib/contracts/algorithms';
import { listAlgorithms, registerAlgorithm } from '@/server/algorithms/register-algorithm';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer', query: listAlgorithmsQuerySchema }, async ({ app, query }) => ({ json: { items: await listAlgorithms(app, query) } }));

/** The body is the algorithm's vigil-algorithm.json manifest. */
export const POST = route({ access: 'operator', body: algorithmManifestSchema }, async ({ app, body, principal }) => ({
  status: 201,
  json: await registerAlgorithm(app, body, principal!),
}));
