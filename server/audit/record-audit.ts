import type { Db } from '../../db/connect';
import { newId } from '../new-id';
import type { Principal } from '../auth/principal';

/** Appends to the audit log who changed what; details must never contain secrets. */
export async function recordAudit(
  db: Db,
  entry: { actor: Principal | 'system'; action: string; resourceType: string; resourceId?: string; details?: Record<string, unknown>; ip?: string | null; at: Date },
): Promise<void> {
  const actor = entry.actor;
  await db
    .insertInto('audit_log')
    .values({
      id: newId('audit'),
      at: entry.at.toISOString(),
      actor_type: actor === 'system' ? 'system' : actor.kind,
      actor_id: actor === 'system' ? null : actor.userId,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}
