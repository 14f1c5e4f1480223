import { notFound } from '../../lib/errors';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';

/** Owner or admin revokes a token; to anyone else it does not exist (404 says nothing about other users' tokens). */
export async function revokeApiToken(app: AppContext, actor: Principal, id: string, ip: string | null): Promise<void> {
  const now = app.now();
  await app.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').select(['id', 'user_id', 'name']).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row || (row.user_id !== actor.userId && actor.role !== 'admin')) throw notFound('API token', id);
    await trx.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'token.revoke', resourceType: 'api_token', resourceId: id, details: { name: row.name, ownerId: row.user_id }, ip, at: now });
  });
}
