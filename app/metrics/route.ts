import { route } from '@/server/http/route';
import { collectMetrics } from '@/server/metrics/collect-metrics';
import { renderMetrics } from '@/server/metrics/render-metrics';

// Prometheus scrapes with `Authorization: Bearer <API token>` (viewer or above); the console's session works too.
export const GET = route({ access: 'viewer' }, async ({ app }) => {
  const { contentType, text } = await renderMetrics(await collectMetrics(app));
  return new Response(text, { status: 200, headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
});

export const dynamic = 'force-dynamic';
