import type { Db } from '../../db/connect';
import type { AuditEntry, AuditPage, ListAuditQuery } from '../../lib/contracts/audit';
import { AppError } from '../../lib/errors';
import { decodeCursor, encodeCursor, type TimeIdCursor } from '../../lib/pagination/cursor';

/** Newest first, keyset-paginated on (at, id) so pages stay stable while new entries arrive. */
export async function listAuditEntries(db: Db, query: ListAuditQuery): Promise<AuditPage> {
  const cursor = query.cursor === undefined ? undefined : decodeAuditCursor(query.cursor);
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.username as actorName')
    .$if(query.action !== undefined, (q) => q.where('audit_log.action', '=', query.action!))
    .$if(query.resourceType !== undefined, (q) => q.where('audit_log.resource_type', '=', query.resourceType!))
    .$if(cursor !== undefined, (q) =>
      q.where((eb) => eb.or([eb('audit_log.at', '<', cursor!.t), eb.and([eb('audit_log.at', '=', cursor!.t), eb('audit_log.id', '<', cursor!.id)])])),
    )
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const items: AuditEntry[] = page.map((row) => ({
    id: row.id,
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorName: row.actorName ?? null,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    ip: row.ip,
  }));
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.at, id: last.id }) : null };
}

function decodeAuditCursor(value: string): TimeIdCursor {
  const cursor = decodeCursor(value);
  if (!cursor) throw new AppError('validation_failed', 'Invalid query: cursor: not a cursor from this API', [{ path: 'cursor', message: 'invalid cursor' }]);
  return cursor;
}
