/* eslint-disable unicorn/filename-case -- the folder spells the seed platform's URL, /api/algo-tool/cleanData (DESIGN.md §4.5) */
import { AppError } from '@/lib/errors';
import { cleanDataQuerySchema } from '@/lib/contracts/retention';
import { route } from '@/server/http/route';
import { startRetentionRun } from '@/server/retention/start-retention-run';

// Quick runs (a small install) answer with their report; longer ones with the run to poll.
const waitMs = 3000;

/**
 * The seed platform's GET /api/algo-tool/cleanData?days=n (default 30): starts a retention run. A GET that
 * deletes is a CSRF target, so a browser session may only call it from the same origin (or by typing it).
 */
export const GET = route({ access: 'operator', query: cleanDataQuerySchema }, async ({ app, principal, request, query, clientIp }) => {
  const site = request.headers.get('sec-fetch-site');
  if (principal!.kind === 'user' && site && site !== 'same-origin' && site !== 'none') {
    throw new AppError('forbidden', 'cleanData deletes data: call it from Vigil itself or with an API token, not from another site');
  }
  const run = await startRetentionRun(app, principal!, { trigger: 'clean-data', days: query.days, waitMs }, clientIp);
  return { status: run.state === 'completed' ? 200 : 202, json: run };
});
