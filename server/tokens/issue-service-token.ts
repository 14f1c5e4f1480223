import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect';
import { hashPassword } from '../auth/password-hash';
import { newOpaqueToken } from '../auth/opaque-token';
import { newId } from '../new-id';

export const systemUsername = 'vigil-system';

/** The platform's own user, for machine tokens (analyzers); its password is random and thrown away: no login. */
async function ensureSystemUser(db: Db, now: Date): Promise<string> {
  const existing = await db.selectFrom('users').select('id').where('username', '=', systemUsername).executeTakeFirst();
  if (existing) return existing.id;
  const at = now.toISOString();
  await db
    .insertInto('users')
    .values({ id: newId('user'), username: systemUsername, password_hash: await hashPassword(randomBytes(32).toString('base64url')), role: 'operator', locale: 'en', disabled: 0, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  const row = await db.selectFrom('users').select('id').where('username', '=', systemUsername).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A fresh operator token named `name` (earlier tokens of that name are revoked, so a retried activity leaves
 * exactly one live). The secret is returned to the caller only, to be written where the workload reads it.
 */
export async function issueServiceToken(db: Db, name: string, now: Date): Promise<string> {
  const userId = await ensureSystemUser(db, now);
  await revokeServiceTokens(db, name, now);
  const { token, hash } = newOpaqueToken('vgt');
  await db
    .insertInto('api_tokens')
    .values({ id: newId('apiToken'), user_id: userId, name, token_hash: hash, prefix: token.slice(0, 12), role: 'operator', created_at: now.toISOString(), expires_at: null, last_used_at: null, revoked_at: null })
    .execute();
  return token;
}

export async function revokeServiceTokens(db: Db, name: string, now: Date): Promise<void> {
  await db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('name', '=', name).where('revoked_at', 'is', null).execute();
}
