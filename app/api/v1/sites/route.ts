import { route } from '@/server/http/route';
import { listSites } from '@/server/training/site-registry';

export const GET = route({ access: 'viewer' }, async ({ app }) => ({ json: { items: await listSites(app.db, app.now()) } }));
