import { auditPageSchema, listAuditQuerySchema } from '../../../lib/contracts/audit';
import type { ApiOperation } from '../api-operation';

export const auditOperations: ApiOperation[] = [
  { method: 'get', path: '/audit', summary: 'Audit log, newest first, paginated with an opaque cursor', tag: 'audit', access: 'admin', query: listAuditQuerySchema, response: auditPageSchema },
];
