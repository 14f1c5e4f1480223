import type { Db } from '../db/connect';
import type { DeliveryRetryPlan } from '../lib/callbacks/delivery-outcome';
import { resolveHostWithSystemDns, type ResolveHost } from '../server/callbacks/resolve-host';
import type { Logger } from '../server/logger';
import { readDiskUsageWithStatfs, type ReadDiskUsage } from '../server/retention/disk-usage';
import type { SecretBox } from '../server/secrets/secret-box';
import { createDeliveryActivities } from './delivery-activities';
import { createHealthActivities } from './health-activities';
import { createPipelineActivities, type PipelineActivityDeps } from './pipeline-activities';
import { createReconcileActivities } from './reconcile-activities';
import { createRetentionActivities } from './retention-activities';
import { createRuntimeInspectionActivities } from './runtime-inspection-activities';
import { createTrainingActivities } from './training-activities';

export type { DatabaseHealth, WorkerDescription } from './health-activities';
export type { DeliveryPlan } from './delivery-activities';
export type { AlarmBatchResult, RetentionRunStart } from './retention-activities';

/** What activities may touch; the worker's composition root builds these once per process. */
export interface ActivityDeps {
  db: Db;
  logger: Logger;
  /** Unseals callback target secrets (the same key as the web app's). */
  secrets: SecretBox;
  /** Holds media/snapshots, which retention deletes. */
  dataDir: string;
  // Seams with real defaults; tests replace them (a name resolving to a chosen address, a nearly full disk, short retries).
  resolveHost?: ResolveHost;
  readDiskUsage?: ReadDiskUsage;
  deliveryTiming?: Partial<DeliveryRetryPlan>;
  now?: () => Date;
  /** Where pipelines run; a worker without it (most tests) answers pipeline activities with a clear error. */
  pipelines?: Pick<PipelineActivityDeps, 'config' | 'runtime' | 'repositoryRoot' | 'relays'>;
}

/** Every activity the worker registers; workflows proxy the type of this object. */
export function createActivities(deps: ActivityDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    ...createHealthActivities(deps),
    ...createDeliveryActivities({ ...deps, now, resolveHost: deps.resolveHost ?? resolveHostWithSystemDns }),
    ...createRetentionActivities({ ...deps, now, readDiskUsage: deps.readDiskUsage ?? readDiskUsageWithStatfs }),
    ...createPipelineActivities(deps.pipelines ? { ...deps, ...deps.pipelines } : undefined),
    ...createReconcileActivities({ ...deps, runtime: deps.pipelines?.runtime }),
    ...createTrainingActivities({ ...deps, now }),
    ...createRuntimeInspectionActivities({ runtime: deps.pipelines?.runtime }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
