import type { Selectable } from 'kysely';
import type { CallbackTargetsTable } from '../../db/schema';
import type { CallbackTarget } from '../../lib/contracts/callback-targets';

/** Row → API shape; the sealed secret never leaves this layer. */
export function toCallbackTarget(row: Selectable<CallbackTargetsTable>): CallbackTarget {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    enabled: row.enabled === 1,
    autoCreated: row.auto_created === 1,
    secretRotatedAt: row.secret_rotated_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
