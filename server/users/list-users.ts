import type { Db } from '../../db/connect';
import type { User } from '../../lib/contracts/users';
import { toUser } from './user-mapper';

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(toUser);
}
