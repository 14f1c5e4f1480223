import { performance } from 'node:perf_hooks';
import { SqliteAdapter, sql } from 'kysely';
import type { Db } from '../db/connect';
import type { RetentionReport } from '../lib/contracts/retention';
import type { Logger } from '../server/logger';

// The tables retention shrinks; PostgreSQL vacuums (and analyses) just these.
const retentionTables = ['alarms', 'callback_deliveries', 'callback_delivery_attempts', 'callback_arrivals'];

/**
 * SQLite keeps deleted pages in its file. Vigil runs it with auto_vacuum=INCREMENTAL, so `incremental_vacuum`
 * returns free pages to the file system without rewriting the database. That mode can only be switched on
 * by a full VACUUM once a database has tables: the first run does that (cheap, the database is young then).
 * PostgreSQL: VACUUM (ANALYZE) makes dead rows reusable and refreshes statistics; it rarely shrinks files.
 */
export async function reclaimDatabaseSpace(db: Db, logger: Logger): Promise<NonNullable<RetentionReport['vacuum']>> {
  const started = performance.now();
  const durationMs = () => Math.round(performance.now() - started);
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    const pageSize = await pragma(db, 'page_size');
    if ((await pragma(db, 'auto_vacuum')) === 2) {
      const freeBefore = await pragma(db, 'freelist_count');
      await sql`pragma incremental_vacuum`.execute(db);
      const freeAfter = await pragma(db, 'freelist_count');
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      return { dialect: 'sqlite', method: 'incremental_vacuum', bytesReclaimed: (freeBefore - freeAfter) * pageSize, durationMs: durationMs() };
    }
    const pagesBefore = await pragma(db, 'page_count');
    await sql`pragma auto_vacuum = INCREMENTAL`.execute(db);
    await sql`vacuum`.execute(db);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
    const pagesAfter = await pragma(db, 'page_count');
    logger.info({ pagesBefore, pagesAfter }, 'SQLite switched to incremental auto_vacuum (one-time full VACUUM)');
    return { dialect: 'sqlite', method: 'vacuum (switched to incremental auto_vacuum)', bytesReclaimed: (pagesBefore - pagesAfter) * pageSize, durationMs: durationMs() };
  }
  const sizeBefore = await postgresSize(db);
  await sql`vacuum (analyze) ${sql.join(retentionTables.map((table) => sql.table(table)))}`.execute(db);
  const sizeAfter = await postgresSize(db);
  return { dialect: 'postgres', method: 'VACUUM (ANALYZE)', bytesReclaimed: Math.max(0, sizeBefore - sizeAfter), durationMs: durationMs() };
}

async function pragma(db: Db, name: 'page_size' | 'page_count' | 'freelist_count' | 'auto_vacuum'): Promise<number> {
  const result = await sql<Record<string, number>>`select * from ${sql.raw(`pragma_${name}`)}`.execute(db);
  return Number(Object.values(result.rows[0] ?? {})[0] ?? 0);
}

async function postgresSize(db: Db): Promise<number> {
  const sizes = retentionTables.map((table) => sql`pg_total_relation_size(${table}::regclass)`);
  const result = await sql<{ bytes: string }>`select (${sql.join(sizes, sql` + `)})::bigint as bytes`.execute(db);
  return Number(result.rows[0]?.bytes ?? 0);
}
