import { AppError } from '../../lib/errors';
import { roleAtLeast } from '../../lib/auth/roles';
import { apiTokenPrefix, type CreateApiTokenBody, type CreatedApiToken } from '../../lib/contracts/tokens';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { newOpaqueToken } from '../auth/opaque-token';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../new-id';
import { toApiToken } from './api-token-mapper';

// "vgt_" and 8 random characters: enough to tell tokens apart in a list, far too few to guess the rest.
const visiblePrefixLength = apiTokenPrefix.length + 1 + 8;

/** Issues a token; its secret is returned here once and stored only as a sha256 hash. */
export async function createApiToken(app: AppContext, actor: Principal, body: CreateApiTokenBody, ip: string | null): Promise<CreatedApiToken> {
  // A leaked token must not be able to mint fresh, longer-lived ones that survive its revocation.
  if (actor.kind !== 'user') throw new AppError('forbidden', 'API tokens can only be created from a logged-in session, not with another token');
  const role = body.role ?? actor.role;
  if (!roleAtLeast(actor.role, role)) throw new AppError('forbidden', `A token cannot have more rights than its creator: you are ${actor.role}, asked for ${role}`);
  const now = app.now();
  const { token, hash } = newOpaqueToken(apiTokenPrefix);
  const row = {
    id: newId('apiToken'),
    user_id: actor.userId,
    name: body.name,
    token_hash: hash,
    prefix: token.slice(0, visiblePrefixLength),
    role,
    created_at: now.toISOString(),
    expires_at: body.expiresInDays === undefined ? null : new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await app.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await recordAudit(trx, { actor, action: 'token.create', resourceType: 'api_token', resourceId: row.id, details: { name: row.name, role, expiresAt: row.expires_at }, ip, at: now });
  });
  return { ...toApiToken(row, actor.username), token };
}
