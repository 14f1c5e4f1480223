import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { InspectedWorkload, InspectWorkloadsInput } from '../activities/runtime-inspection-activities';

// A person waits for this answer: a short timeout and one retry, so a stuck runtime fails fast instead of hanging the page.
const { inspectWorkloads } = proxyActivities<Activities>({
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 2, initialInterval: '200 milliseconds' },
});

/** The web app's window on the runtime (which lives in the worker): status and recent output of matching workloads. */
export async function inspectWorkloadsWorkflow(input: InspectWorkloadsInput): Promise<InspectedWorkload[]> {
  return inspectWorkloads(input);
}
