import type { Db } from '../../db/connect';
import type { ModelVersionsTable } from '../../db/schema';

/** The version published to an algorithm's deployments, if any. */
export async function readActiveModelVersion(db: Db, algorithm: string): Promise<ModelVersionsTable | undefined> {
  return db
    .selectFrom('active_model_versions')
    .innerJoin('model_versions', 'model_versions.id', 'active_model_versions.model_version_id')
    .selectAll('model_versions')
    .where('active_model_versions.algorithm', '=', algorithm)
    .executeTakeFirst();
}

export async function readModelVersionRow(db: Db, id: string): Promise<ModelVersionsTable | undefined> {
  return db.selectFrom('model_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Makes the version the active one of its algorithm (one row per algorithm: the previous one is replaced). */
export async function activateModelVersion(db: Db, input: { algorithm: string; modelVersionId: string; publishedBy: string | null }, now: Date): Promise<void> {
  const values = { model_version_id: input.modelVersionId, published_at: now.toISOString(), published_by: input.publishedBy };
  await db
    .insertInto('active_model_versions')
    .values({ algorithm: input.algorithm, ...values })
    .onConflict((conflict) => conflict.column('algorithm').doUpdateSet(values))
    .execute();
}
