import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../../db/schema';
import type { ApiToken } from '../../lib/contracts/tokens';

/** The token's metadata; token_hash never leaves the database layer. */
export function toApiToken(row: Selectable<ApiTokensTable>, username: string): ApiToken {
  return {
    id: row.id,
    userId: row.user_id,
    username,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
