import type { Db } from '../../db/connect';
import { notFound } from '../../lib/errors';
import type { User } from '../../lib/contracts/users';
import { toUser } from './user-mapper';

export async function getUser(db: Db, id: string): Promise<User> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('User', id);
  return toUser(row);
}
