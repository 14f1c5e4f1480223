import type { Db } from '../../db/connect';

/** Logs a user out everywhere, except (optionally) the session making the change. */
export async function deleteUserSessions(db: Db, userId: string, keepSessionId?: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(keepSessionId !== undefined, (query) => query.where('id', '!=', keepSessionId!))
    .execute();
}
