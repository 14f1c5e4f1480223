import { setTimeout as sleep } from 'node:timers/promises';
import type { RetentionRun } from '../../lib/contracts/retention';
import type { AppContext } from '../app-context';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { newId } from '../new-id';
import { getRetentionRun } from './list-retention-runs';

const pollIntervalMs = 100;

/**
 * Records a queued run, then starts its workflow; if Temporal cannot take it, the record says so (failed)
 * and the caller gets the error. `waitMs` lets quick runs answer with their report (cleanData does).
 */
export async function startRetentionRun(
  app: AppContext,
  actor: Principal,
  input: { trigger: 'api' | 'clean-data'; days?: number; waitMs?: number },
  ip: string | null,
): Promise<RetentionRun> {
  const runId = newId('retentionRun');
  const workflowId = `retention:${runId}`;
  const at = app.now();
  await app.db
    .insertInto('retention_runs')
    .values({ id: runId, workflow_id: workflowId, trigger: input.trigger, days: input.days ?? null, cutoff: null, state: 'queued', started_at: at.toISOString(), finished_at: null, report: null, error: null })
    .execute();
  await recordAudit(app.db, { actor, action: 'retention.start', resourceType: 'retention_run', resourceId: runId, details: { days: input.days ?? 'setting', trigger: input.trigger }, ip, at });
  try {
    await app.workflows.startRetentionRun({ runId, trigger: input.trigger, ...(input.days === undefined ? {} : { days: input.days }) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await app.db.updateTable('retention_runs').set({ state: 'failed', finished_at: app.now().toISOString(), error: `not started: ${message}` }).where('id', '=', runId).execute();
    throw error;
  }
  return waitForRun(app, runId, input.waitMs ?? 0);
}

async function waitForRun(app: AppContext, runId: string, waitMs: number): Promise<RetentionRun> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const run = await getRetentionRun(app, runId);
    if (run.state === 'completed' || run.state === 'failed' || Date.now() >= deadline) return run;
    await sleep(pollIntervalMs);
  }
}
