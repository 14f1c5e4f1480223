import { proxyActivities } from '@temporalio/workflow';
import type { Activities, DatabaseHealth, WorkerDescription } from '../activities';

export interface HealthCheckInput {
  requestedBy: string;
}

export interface HealthCheckResult {
  requestedBy: string;
  database: DatabaseHealth;
  worker: WorkerDescription;
  checkedAt: string;
}

// Both probes are quick reads: a short timeout and few attempts keep a health check from hanging around.
const { checkDatabase, describeWorker } = proxyActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '200 milliseconds' },
});

/** Proves the whole path works: client → Temporal → worker → activities → database, and back. */
export async function healthCheckWorkflow(input: HealthCheckInput): Promise<HealthCheckResult> {
  const [database, worker] = await Promise.all([checkDatabase(), describeWorker()]);
  // Date inside a workflow is the (replay-safe) time of the current workflow task.
  return { requestedBy: input.requestedBy, database, worker, checkedAt: new Date().toISOString() };
}
