import type { Selectable } from 'kysely';
import type { UsersTable } from '../../db/schema';
import type { User } from '../../lib/contracts/users';

export function toUser(row: Selectable<UsersTable>): User {
  return { id: row.id, username: row.username, role: row.role, locale: row.locale, disabled: row.disabled === 1, createdAt: row.created_at };
}
