import { deleteAlgorithm, getAlgorithm } from '@/server/algorithms/register-algorithm';
import { route } from '@/server/http/route';

export const GET = route({ access: 'viewer' }, async ({ app, params }) => ({ json: await getAlgorithm(app, params.id!) }));

export const DELETE = route({ access: 'operator' }, async ({ app, params, principal }) => {
  await deleteAlgorithm(app, params.id!, principal!);
  return new Response(null, { status: 204 });
});
