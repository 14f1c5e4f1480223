import { publishModelVersionBodySchema } from '@/lib/contracts/training';
import { route } from '@/server/http/route';
import { publishModelVersionToAnalyzers } from '@/server/training/publish-model-to-analyzers';

/** 200 once the version is active; the rollout entries say which running pipelines were asked to roll over. */
export const POST = route({ access: 'operator', body: publishModelVersionBodySchema }, async ({ app, params, body, principal, clientIp }) => ({
  json: await publishModelVersionToAnalyzers(app, principal!, params.id!, body, clientIp),
}));
