import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving schema type
type AnyDb = Kysely<any>;

/** Callback targets with sealed signing secrets, delivery attempts, the built-in receiver's log, retention runs. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('callback_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('secret_encrypted', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('auto_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('secret_rotated_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // SQLite adds one column per ALTER TABLE statement.
  await db.schema.alterTable('callback_deliveries').addColumn('target_id', 'text').execute();
  await db.schema.alterTable('callback_deliveries').addColumn('timeout_seconds', 'integer', (c) => c.notNull().defaultTo(10)).execute();
  await db.schema.alterTable('callback_deliveries').addColumn('delivered_at', 'text').execute();
  await db.schema.createIndex('callback_deliveries_alarm_target').on('callback_deliveries').columns(['alarm_id', 'target_id']).unique().execute();
  await db.schema.createIndex('callback_deliveries_state').on('callback_deliveries').columns(['state', 'updated_at']).execute();

  await db.schema
    .createTable('callback_delivery_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('callback_deliveries.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('latency_ms', 'integer')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('callback_delivery_attempts_delivery').on('callback_delivery_attempts').columns(['delivery_id', 'attempt']).execute();

  await db.schema
    .createTable('callback_arrivals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('event_id', 'text')
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_bytes', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_arrivals_received_at').on('callback_arrivals').columns(['received_at', 'id']).execute();

  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('days', 'integer')
    .addColumn('cutoff', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('report', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('retention_runs_started_at').on('retention_runs').columns(['started_at', 'id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['retention_runs', 'callback_arrivals', 'callback_delivery_attempts', 'callback_targets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('callback_deliveries_state').ifExists().execute();
  await db.schema.dropIndex('callback_deliveries_alarm_target').ifExists().execute();
  for (const column of ['delivered_at', 'timeout_seconds', 'target_id']) {
    await db.schema.alterTable('callback_deliveries').dropColumn(column).execute();
  }
}
