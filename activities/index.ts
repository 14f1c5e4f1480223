import type { Db } from '../db/connect';
import type { Logger } from '../server/logger';
import { createHealthActivities } from './health-activities';

export type { DatabaseHealth, WorkerDescription } from './health-activities';

/** What activities may touch; the worker's composition root builds these once per process. */
export interface ActivityDeps {
  db: Db;
  logger: Logger;
}

/** Every activity the worker registers; workflows proxy the type of this object. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createHealthActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
