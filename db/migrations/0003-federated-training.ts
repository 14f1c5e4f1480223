import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/** Federated learning: registered sites, training jobs, one checkpoint row per round, published model versions. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('test_samples', 'integer', (c) => c.notNull())
    .addColumn('algorithms', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('agent', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('training_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('rounds_completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stopped_early', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('final_metrics', 'text')
    .addColumn('model_version_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('training_jobs_created_at').on('training_jobs').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('training_rounds')
    .addColumn('job_id', 'text', (c) => c.notNull().references('training_jobs.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('selected', 'text', (c) => c.notNull())
    .addColumn('training', 'text', (c) => c.notNull())
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('dropouts', 'text', (c) => c.notNull())
    .addColumn('metrics', 'text')
    .addColumn('model_uri', 'text')
    .addColumn('model_sha256', 'text')
    .addColumn('privacy', 'text')
    .addColumn('secure_aggregation', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_rounds_pk', ['job_id', 'round'])
    .execute();

  await db.schema
    .createTable('model_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('algorithm', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull().unique())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('model_uri', 'text', (c) => c.notNull())
    .addColumn('model_sha256', 'text', (c) => c.notNull())
    .addColumn('metrics', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('model_versions_algorithm_version').on('model_versions').columns(['algorithm', 'version']).unique().execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['model_versions', 'training_rounds', 'training_jobs', 'sites']) await db.schema.dropTable(table).ifExists().execute();
}
