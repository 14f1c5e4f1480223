import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as workflows from '../app/api/v1/workflows/route';
import * as history from '../app/api/v1/workflows/[id]/history/route';
import { createLogger } from '../server/logger';
import { createTemporalEngine } from '../server/temporal/temporal-engine';
import type { ApiClient } from './support/api-client';
import { loggedIn } from './support/logged-in';
import { startTemporalDevServer, startVigilWorker, waitFor, type RunningWorker } from './support/temporal-harness';
import { startTestApp, type TestApp } from './support/test-app';

const taskQueue = `workflows-api-${process.pid}`;
const logger = createLogger({ level: 'error', name: 'workflows-api-test' });

describe('operator visibility: workflows listed from the real Temporal dev server', () => {
  let env: TestWorkflowEnvironment;
  let t: TestApp;
  let worker: RunningWorker;
  let viewer: ApiClient;

  beforeAll(async () => {
    env = await startTemporalDevServer(logger);
    t = await startTestApp('sqlite', { workflows: createTemporalEngine({ address: env.address, namespace: 'default', taskQueue }, logger) });
    worker = await startVigilWorker(env, taskQueue, { db: t.app.db, logger, secrets: t.app.secrets, dataDir: t.app.config.dataDir });
    viewer = await loggedIn(t, 'viewer');
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await t?.app.workflows.close();
    await t?.close();
    await env?.teardown();
  });

  it('lists finished and running workflows by kind, with their history', async () => {
    await env.client.workflow.execute('healthCheckWorkflow', { workflowId: 'health-check:visible', taskQueue, args: [{ requestedBy: 'test' }] });
    const listed = await waitFor(
      () => viewer.call(workflows.GET, { path: '/api/v1/workflows?type=healthCheckWorkflow' }),
      (res) => res.json.items?.some((w: { workflowId: string }) => w.workflowId === 'health-check:visible'),
    );
    expect(listed.json.items[0]).toMatchObject({ workflowId: 'health-check:visible', type: 'healthCheckWorkflow', status: 'completed' });
    expect(listed.json.items[0].historyLength).toBeGreaterThan(3);
    const events = await viewer.call(history.GET, { params: { id: 'health-check:visible' }, path: '/api/v1/workflows/health-check%3Avisible/history?limit=100' });
    expect(events.json.items[0]).toMatchObject({ eventId: 1, type: 'workflow_execution_started' });
    expect(events.json.items.at(-1).type).toBe('workflow_execution_completed');
    const running = await viewer.call(workflows.GET, { path: '/api/v1/workflows?status=running' });
    expect(running.json.items.every((w: { status: string }) => w.status === 'running')).toBe(true);
    expect((await viewer.call(workflows.GET, { path: '/api/v1/workflows?type=nope' })).status).toBe(400);
  });
});
