import type { AlgorithmInstance, AlgorithmInstances } from '../../lib/contracts/algorithm-instances';
import type { InspectedWorkload } from '../../activities/runtime-inspection-activities';
import { workloadLabelKeys } from '../../runtime/workload-runtime.port';
import type { AppContext } from '../app-context';
import { getAlgorithm } from './register-algorithm';
import { createTemporalWorkloadInspection } from './temporal-workload-inspection';
import type { WorkloadInspectionPort } from './workload-inspection.port';

type ClosableInspection = WorkloadInspectionPort & { close(): Promise<void> };

// One Temporal connection per app context, opened on first use (the web app's engine keeps its own).
const inspections = new WeakMap<AppContext, ClosableInspection>();

function inspectionFor(app: AppContext): ClosableInspection {
  let inspection = inspections.get(app);
  if (!inspection) {
    inspection = createTemporalWorkloadInspection(app.config.temporal, app.logger);
    inspections.set(app, inspection);
  }
  return inspection;
}

/** Tests (and a shutting-down process) close the inspection's Temporal connection. */
export async function closeWorkloadInspection(app: AppContext): Promise<void> {
  await inspections.get(app)?.close();
  inspections.delete(app);
}

/**
 * The running copies of one algorithm version (its shared server, labelled with name and version), asked of the
 * worker's runtime. logTail 0 leaves the output out (viewers: an algorithm's output may hold paths, addresses or secrets).
 */
export async function listAlgorithmInstances(app: AppContext, algorithmId: string, options: { logTail: number }, inspection: WorkloadInspectionPort = inspectionFor(app)): Promise<AlgorithmInstances> {
  const algorithm = await getAlgorithm(app, algorithmId);
  const labels = { [workloadLabelKeys.algorithm]: algorithm.name, [workloadLabelKeys.algorithmVersion]: algorithm.version };
  const workloads = await inspection.inspectWorkloads({ selector: { labels }, logTail: options.logTail });
  return {
    algorithm: { id: algorithm.id, name: algorithm.name, version: algorithm.version },
    logsIncluded: options.logTail > 0,
    instances: workloads.map(toInstance).sort((a, b) => a.id.localeCompare(b.id)),
    inspectedAt: app.now().toISOString(),
  };
}

function toInstance({ status, logs, logProblem }: InspectedWorkload): AlgorithmInstance {
  return {
    id: status.id,
    kind: status.kind,
    owners: status.owners,
    phase: status.phase,
    ready: status.ready,
    restarts: status.restarts,
    since: status.since,
    lastExit: status.lastExit ?? null,
    nextRestartAt: status.nextRestartAt ?? null,
    endpoint: status.endpoint ?? null,
    message: status.message ?? null,
    logs,
    logProblem: logProblem ?? null,
  };
}
