import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/**
 * The model version each algorithm's deployments use (POST /training/models/{id}/publish): one row per algorithm,
 * so "at most one active version" is the primary key, not a convention. Earlier activations are in the audit log.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('active_model_versions')
    .addColumn('algorithm', 'text', (c) => c.primaryKey())
    .addColumn('model_version_id', 'text', (c) => c.notNull().references('model_versions.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('active_model_versions').ifExists().execute();
}
