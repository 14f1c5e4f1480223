import { checkHealth } from '@/server/health/check-health';
import { route } from '@/server/http/route';

// Public, like a load balancer's probe: it reveals reachability only, never configuration secrets.
export const GET = route({ access: 'public' }, async ({ app }) => {
  const report = await checkHealth(app);
  return { status: report.status === 'ok' ? 200 : 503, json: report };
});

export const dynamic = 'force-dynamic';
