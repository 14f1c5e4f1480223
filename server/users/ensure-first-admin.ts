import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect';
import { hashPassword } from '../auth/password-hash';
import { newId } from '../new-id';

export interface FirstAdminResult {
  created: boolean;
  username: string;
  /** Only when it was generated here: print it once, it is stored hashed. */
  password?: string;
}

/** On first start (no users yet) creates the admin, with VIGIL_ADMIN_PASSWORD or a generated password. */
export async function ensureFirstAdmin(db: Db, admin: { username: string; password?: string }, now: Date): Promise<FirstAdminResult> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return { created: false, username: admin.username };
  const generated = admin.password ? undefined : randomBytes(12).toString('base64url');
  const password = admin.password ?? generated ?? '';
  const at = now.toISOString();
  const inserted = await db
    .insertInto('users')
    .values({ id: newId('user'), username: admin.username, password_hash: await hashPassword(password), role: 'admin', locale: 'en', disabled: 0, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst();
  // Two processes starting at once: only the one whose insert landed reports a password.
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  return { created, username: admin.username, ...(created && generated ? { password: generated } : {}) };
}
