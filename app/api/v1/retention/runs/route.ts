import { listRetentionRunsQuerySchema, startRetentionRunBodySchema } from '@/lib/contracts/retention';
import { route } from '@/server/http/route';
import { listRetentionRuns } from '@/server/retention/list-retention-runs';
import { startRetentionRun } from '@/server/retention/start-retention-run';

export const GET = route({ access: 'viewer', query: listRetentionRunsQuerySchema }, async ({ app, query }) => ({ json: { items: await listRetentionRuns(app, query.limit) } }));

export const POST = route({ access: 'operator', body: startRetentionRunBodySchema }, async ({ app, principal, body, clientIp }) => ({
  status: 202,
  json: await startRetentionRun(app, principal!, { trigger: 'api', ...(body.days === undefined ? {} : { days: body.days }) }, clientIp),
}));
