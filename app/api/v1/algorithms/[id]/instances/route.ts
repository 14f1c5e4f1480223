import { roleAtLeast } from '@/lib/auth/roles';
import { algorithmInstancesQuerySchema } from '@/lib/contracts/algorithm-instances';
import { listAlgorithmInstances } from '@/server/algorithms/list-algorithm-instances';
import { route } from '@/server/http/route';

/** Viewers see status; log lines need operator (an algorithm's output may hold paths, addresses or secrets it prints). */
export const GET = route({ access: 'viewer', query: algorithmInstancesQuerySchema }, async ({ app, principal, params, query }) => ({
  json: await listAlgorithmInstances(app, params.id!, { logTail: roleAtLeast(principal!.role, 'operator') ? query.tail : 0 }),
}));
