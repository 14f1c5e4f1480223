import { listAuditQuerySchema } from '@/lib/contracts/audit';
import { route } from '@/server/http/route';
import { listAuditEntries } from '@/server/audit/list-audit-entries';

export const GET = route({ access: 'admin', query: listAuditQuerySchema }, async ({ app, query }) => ({ json: await listAuditEntries(app.db, query) }));
