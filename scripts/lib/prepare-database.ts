import { migrateToLatest, openDatabase } from '../../db/connect';
import type { VigilConfig } from '../../lib/config/config-schema';
import { ensureFirstAdmin, type FirstAdminResult } from '../../server/users/ensure-first-admin';

/** Migrates once before web and worker start (so they never race to migrate), and creates the first admin. */
export async function prepareDatabase(config: VigilConfig, now: Date): Promise<{ migrations: string[]; admin: FirstAdminResult }> {
  const db = await openDatabase(config.database);
  try {
    const migrations = await migrateToLatest(db);
    const admin = await ensureFirstAdmin(db, config.admin, now);
    return { migrations, admin };
  } finally {
    await db.destroy();
  }
}

/** The login line of the start banner; a generated password is shown this once (it is stored hashed). */
export function describeLogin(admin: FirstAdminResult, passwordFromEnv: boolean): string {
  if (admin.password) return `${admin.username} / ${admin.password}   (generated now and shown only once: change it after logging in)`;
  if (admin.created && passwordFromEnv) return `${admin.username}, password from VIGIL_ADMIN_PASSWORD`;
  return `${admin.username}, password set at first start`;
}
