import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token';

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Db, userId: string, now: Date, ttlHours: number): Promise<NewSession> {
  const { token, hash } = newOpaqueToken('vss');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db
    .insertInto('sessions')
    .values({ id: hash, user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), last_seen_at: now.toISOString() })
    .execute();
  return { cookieValue: token, csrfToken, expiresAt };
}

export async function deleteSession(db: Db, cookieValue: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashOpaqueToken(cookieValue)).execute();
}
