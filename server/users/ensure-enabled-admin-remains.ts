import type { DatabaseTarget } from '../../lib/config/config-schema';
import { AppError } from '../../lib/errors';
import type { Db } from '../../db/connect';

/**
 * Inside a transaction: refuses a change that would leave no enabled admin (nobody could manage users
 * again). On PostgreSQL the admin rows are locked so two concurrent demotions cannot both pass.
 */
export async function ensureEnabledAdminRemains(trx: Db, dialect: DatabaseTarget['dialect'], userId: string, change: 'delete' | 'disable' | 'demote'): Promise<void> {
  const admins = await trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .$if(dialect === 'postgres', (query) => query.forUpdate())
    .execute();
  const targetIsEnabledAdmin = admins.some((admin) => admin.id === userId);
  if (targetIsEnabledAdmin && admins.length <= 1) {
    throw new AppError('conflict', `Cannot ${change} the last enabled admin: make another user admin first`, { reason: 'last_admin' });
  }
}
