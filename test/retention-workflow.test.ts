import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cleanData from '../app/api/algo-tool/cleanData/route';
import * as runs from '../app/api/v1/retention/runs/route';
import * as run from '../app/api/v1/retention/runs/[id]/route';
import type { RetentionRun } from '../lib/contracts/retention';
import { createLogger } from '../server/logger';
import { snapshotRoot } from '../server/retention/snapshot-days';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import { ensureSchedules } from '../worker/ensure-schedules';
import type { retentionWorkflow } from '../workflows';
import { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';
import { dialects } from './support/test-databases';
import { startTestApp, type TestApp } from './support/test-app';

const logger = createLogger({ level: 'error', name: 'retention-test' });
// The worker's clock is fixed, so cutoffs and "today" are exact: 30 days before this is 2026-05-16T12:00Z.
const now = new Date('2026-06-15T12:00:00.000Z');
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporalDevServer(logger);
});
afterAll(async () => env?.teardown());

/** Files under the snapshot root, as `<day>/<name>`. */
function snapshotFiles(dataDir: string): string[] {
  const root = snapshotRoot(dataDir);
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(root, path)).isFile()).sort();
}

describe.each(dialects)('retention on a real Temporal dev server, %s', (dialect) => {
  const taskQueue = `retention-test-${dialect}-${process.pid}`;
  // A simulated file system whose only content is the snapshot folder plus `baseUsed` bytes.
  const disk = { totalBytes: 1e12, baseUsed: 0 };
  let t: TestApp;
  let worker: RunningWorker;
  let dataDir: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger) });
    dataDir = t.app.config.dataDir;
    worker = await startVigilWorker(env, taskQueue, {
      db: t.app.db,
      logger,
      secrets: t.app.secrets,
      dataDir,
      now: () => now,
      readDiskUsage: async () => {
        const used = disk.baseUsed + snapshotFiles(dataDir).reduce((sum, path) => sum + statSync(join(snapshotRoot(dataDir), path)).size, 0);
        return { totalBytes: disk.totalBytes, freeBytes: disk.totalBytes - used };
      },
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await t?.app.workflows.close();
    await t?.close();
  });

  async function seedAlarm(id: string, startedAt: string, updatedAt = startedAt, files: string[] = [`${startedAt.slice(0, 10)}/${id}-start.jpg`]): Promise<void> {
    await t.app.db
      .insertInto('alarms')
      .values({ id, pipeline_id: 'pip_1', pipeline_revision: 1, camera_id: 'cam_1', algorithm_id: 'alg_1', type: 'intrusion', state: 'start', started_at: startedAt, updated_at: updatedAt, ended_at: null, event: JSON.stringify({ id }), snapshot_path: files[0] ? join('media', 'snapshots', files[0]) : null, label: null, labeled_by: null, labeled_at: null })
      .execute();
    for (const file of files) writeSnapshot(file, 100);
  }

  function writeSnapshot(file: string, bytes: number): void {
    mkdirSync(join(snapshotRoot(dataDir), file.split('/')[0]!), { recursive: true });
    writeFileSync(join(snapshotRoot(dataDir), file), Buffer.alloc(bytes, 1));
  }

  async function seedDelivery(alarmId: string): Promise<void> {
    const at = now.toISOString();
    const id = `dlv_${alarmId.slice(4)}`;
    await t.app.db.insertInto('callback_deliveries').values({ id, alarm_id: alarmId, target_id: 'cbt_x', target_url: 'https://x.example.com/', state: 'dead', attempts: 2, last_status: 503, last_error: 'HTTP 503', created_at: at, updated_at: at, delivered_at: null }).execute();
    for (const attempt of [1, 2]) {
      await t.app.db.insertInto('callback_delivery_attempts').values({ id: `dla_${alarmId.slice(4)}${attempt}`, delivery_id: id, attempt, at, outcome: 'retry', status_code: 503, latency_ms: 5, error: 'HTTP 503' }).execute();
    }
  }

  it('deletes exactly the alarms, deliveries, attempts and snapshot files older than N days, in batches, and reports them', async () => {
    const expired: string[] = [];
    for (let index = 0; index < 20; index++) {
      const id = `alm_old${String(index).padStart(3, '0')}`;
      expired.push(id);
      await seedAlarm(id, `2026-05-01T10:${String(index).padStart(2, '0')}:00.000Z`);
    }
    for (const id of ['alm_span001', 'alm_span002']) {
      expired.push(id);
      await seedAlarm(id, '2026-05-10T23:50:00.000Z', '2026-05-11T00:10:00.000Z', [`2026-05-10/${id}-start.jpg`, `2026-05-11/${id}-end.jpg`]);
    }
    expired.push('alm_edgeold');
    await seedAlarm('alm_edgeold', '2026-05-16T11:50:00.000Z');
    await seedAlarm('alm_edgenew', '2026-05-16T12:10:00.000Z');
    await seedAlarm('alm_recent1', '2026-05-20T08:00:00.000Z');
    await seedAlarm('alm_today01', '2026-06-15T08:00:00.000Z');
    writeSnapshot('2026-04-01/alm_orphan-start.jpg', 100);
    for (const id of ['alm_old000', 'alm_old001', 'alm_span001', 'alm_recent1']) await seedDelivery(id);

    const workflowId = `retention:test-${dialect}`;
    const handle = await env.client.workflow.start<typeof retentionWorkflow>('retentionWorkflow', { workflowId, taskQueue, args: [{ trigger: 'api', days: 30, batchSize: 5, batchesPerRun: 2 }] });
    const result = await handle.result();

    expect(result.report).toMatchObject({
      alarms: 23,
      deliveries: 3,
      attempts: 6,
      batches: 5,
      snapshotFiles: 20 + 4 + 1 + 1,
      snapshotBytes: 2600,
      snapshotDays: ['2026-04-01', '2026-05-01', '2026-05-10', '2026-05-11'],
      diskGuard: { days: [], stillBelowThreshold: false },
    });
    expect(result.report.vacuum).toMatchObject(dialect === 'sqlite' ? { dialect, method: 'vacuum (switched to incremental auto_vacuum)' } : { dialect, method: 'VACUUM (ANALYZE)' });
    // Five batches of five with two per run: the history was handed over by continue-as-new.
    expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);

    const alarms = await t.app.db.selectFrom('alarms').select('id').orderBy('id').execute();
    expect(alarms.map((row) => row.id)).toEqual(['alm_edgenew', 'alm_recent1', 'alm_today01']);
    expect((await t.app.db.selectFrom('callback_deliveries').select('alarm_id').execute()).map((row) => row.alarm_id)).toEqual(['alm_recent1']);
    expect(await t.app.db.selectFrom('callback_delivery_attempts').select('id').execute()).toHaveLength(2);
    expect(snapshotFiles(dataDir)).toEqual(['2026-05-16/alm_edgenew-start.jpg', '2026-05-20/alm_recent1-start.jpg', '2026-06-15/alm_today01-start.jpg']);

    const viewer = await loggedIn(t, 'viewer');
    const listed = await viewer.call<{ items: RetentionRun[] }>(runs.GET);
    expect(listed.json.items[0]).toMatchObject({ id: result.runId, workflowId, trigger: 'api', days: 30, cutoff: '2026-05-16T12:00:00.000Z', state: 'completed', report: result.report, error: null });

    if (dialect === 'sqlite') {
      const mode = await sql<{ auto_vacuum: number }>`pragma auto_vacuum`.execute(t.app.db);
      expect(mode.rows[0]?.auto_vacuum).toBe(2);
    }
  });

  it('disk guard: below the free-space threshold, deletes the oldest snapshot days first until above, never today', async () => {
    rmSync(snapshotRoot(dataDir), { recursive: true, force: true });
    for (const day of ['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13', '2026-06-15']) writeSnapshot(`${day}/alm_disk${day.slice(8)}-start.jpg`, 10_000);
    await seedAlarm('alm_disk10', '2026-06-10T09:00:00.000Z', '2026-06-10T09:00:00.000Z', []);
    await t.app.db.updateTable('alarms').set({ snapshot_path: 'media/snapshots/2026-06-10/alm_disk10-start.jpg' }).where('id', '=', 'alm_disk10').execute();
    await t.app.db.insertInto('settings').values({ key: 'diskGuardMinFreePercent', value: '50', updated_at: now.toISOString(), updated_by: null }).execute();
    // 100 kB disk, 15 kB used by other things + 50 kB of snapshots: 35 % free, 50 % wanted: two days must go.
    Object.assign(disk, { totalBytes: 100_000, baseUsed: 15_000 });
    try {
      const result = await env.client.workflow.execute<typeof retentionWorkflow>('retentionWorkflow', { workflowId: `retention:guard-${dialect}`, taskQueue, args: [{ trigger: 'api', days: 3650 }] });
      expect(result.report).toMatchObject({
        alarms: 0,
        snapshotDays: [],
        diskGuard: { minFreePercent: 50, freePercentBefore: 35, freePercentAfter: 55, days: ['2026-06-10', '2026-06-11'], files: 2, bytes: 20_000, stillBelowThreshold: false },
      });
      expect(snapshotFiles(dataDir)).toEqual(['2026-06-12/alm_disk12-start.jpg', '2026-06-13/alm_disk13-start.jpg', '2026-06-15/alm_disk15-start.jpg']);
      expect(await t.app.db.selectFrom('alarms').select('snapshot_path').where('id', '=', 'alm_disk10').executeTakeFirstOrThrow()).toEqual({ snapshot_path: null });
    } finally {
      Object.assign(disk, { totalBytes: 1e12, baseUsed: 0 });
      await t.app.db.deleteFrom('settings').where('key', '=', 'diskGuardMinFreePercent').execute();
    }
  });

  it('GET /api/algo-tool/cleanData?days=n: operators only, starts a run and answers with it', async () => {
    await seedAlarm('alm_clean2d', '2026-06-13T10:00:00.000Z');
    await seedAlarm('alm_clean6h', '2026-06-15T06:00:00.000Z');
    expect((await new ApiClient().call(cleanData.GET, { path: '/api/algo-tool/cleanData?days=1' })).status).toBe(401);
    expect((await (await loggedIn(t, 'viewer')).call(cleanData.GET, { path: '/api/algo-tool/cleanData?days=1' })).status).toBe(403);
    const operator = await loggedIn(t, 'operator');
    const crossSite = await operator.call(cleanData.GET, { path: '/api/algo-tool/cleanData?days=1', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect((await operator.call(cleanData.GET, { path: '/api/algo-tool/cleanData?days=0' })).status).toBe(400);

    const res = await operator.call<RetentionRun>(cleanData.GET, { path: '/api/algo-tool/cleanData?days=1', headers: { 'sec-fetch-site': 'same-origin' } });
    expect([200, 202]).toContain(res.status);
    expect(res.json).toMatchObject({ id: expect.stringMatching(/^ret_/), workflowId: `retention:${res.json.id}`, trigger: 'clean-data', days: 1 });
    const done = await waitFor(async () => (await operator.call<RetentionRun>(run.GET, { params: { id: res.json.id } })).json, (current) => current.state === 'completed');
    // Everything started before 2026-06-14T12:00 goes: the earlier tests' survivors too (edgenew, recent1, disk10).
    expect(done).toMatchObject({ cutoff: '2026-06-14T12:00:00.000Z', report: { alarms: 4 } });
    const remaining = await t.app.db.selectFrom('alarms').select('id').orderBy('id').execute();
    expect(remaining.map((row) => row.id)).toEqual(['alm_clean6h', 'alm_today01']);
    // The first run switched SQLite to incremental auto_vacuum; later runs only return free pages.
    expect(done.report?.vacuum?.method).toBe(dialect === 'sqlite' ? 'incremental_vacuum' : 'VACUUM (ANALYZE)');

    const defaultDays = await operator.call<RetentionRun>(cleanData.GET, { path: '/api/algo-tool/cleanData' });
    expect(defaultDays.json.days).toBe(30);
    await waitFor(async () => (await operator.call<RetentionRun>(run.GET, { params: { id: defaultDays.json.id } })).json, (current) => current.state === 'completed');
  });
});

describe('the retention schedule', () => {
  it('is created idempotently at worker start from settings, and moved when retentionRunAt changes', async () => {
    const t = await startTestApp('sqlite', { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue: 'schedule-test' }, logger) });
    const calendar = async () => {
      const description = await env.client.schedule.getHandle('retention').describe();
      const action = description.action as { workflowType: string; taskQueue: string };
      return { calendar: description.spec.calendars?.[0], workflowType: action.workflowType, taskQueue: action.taskQueue, overlap: description.policies.overlap };
    };
    try {
      await t.app.db.insertInto('settings').values({ key: 'retentionRunAt', value: '"02:15"', updated_at: now.toISOString(), updated_by: null }).execute();
      const connection = env.nativeConnection;
      await ensureSchedules({ connection, namespace: 'default', taskQueue: 'schedule-test', db: t.app.db, logger });
      expect(await calendar()).toMatchObject({ calendar: { hour: [{ start: 2, end: 2 }], minute: [{ start: 15, end: 15 }] }, workflowType: 'retentionWorkflow', taskQueue: 'schedule-test', overlap: 'SKIP' });
      await ensureSchedules({ connection, namespace: 'default', taskQueue: 'schedule-test', db: t.app.db, logger });
      await t.app.workflows.syncRetentionSchedule({ runAt: '04:30' });
      expect(await calendar()).toMatchObject({ calendar: { hour: [{ start: 4, end: 4 }], minute: [{ start: 30, end: 30 }] } });
    } finally {
      await t.app.workflows.close();
      await t.close();
    }
  });
});
