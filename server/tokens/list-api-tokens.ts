import { AppError } from '../../lib/errors';
import type { ApiToken } from '../../lib/contracts/tokens';
import type { Db } from '../../db/connect';
import type { Principal } from '../auth/principal';
import { toApiToken } from './api-token-mapper';

/** The caller's tokens that are not revoked (expired ones included, so they can be seen and cleaned up); admins may ask for all. */
export async function listApiTokens(db: Db, principal: Principal, options: { all: boolean }): Promise<ApiToken[]> {
  if (options.all && principal.role !== 'admin') throw new AppError('forbidden', "Listing everyone's tokens (all=true) needs the admin role");
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select('users.username')
    .where('api_tokens.revoked_at', 'is', null)
    .$if(!options.all, (query) => query.where('api_tokens.user_id', '=', principal.userId))
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map((row) => toApiToken(row, row.username));
}
