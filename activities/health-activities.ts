import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { activityInfo } from '@temporalio/activity';
import { pingDatabase, type Db } from '../db/connect';
import type { Logger } from '../server/logger';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface WorkerDescription {
  hostname: string;
  pid: number;
  nodeVersion: string;
  taskQueue: string;
}

/** Activities that report on the worker and what it can reach; the health-check workflow calls them. */
export function createHealthActivities(deps: { db: Db; logger: Logger }) {
  return {
    // A broken database is a finding to report, not a reason for Temporal to retry: hence no throw.
    async checkDatabase(): Promise<DatabaseHealth> {
      const started = performance.now();
      try {
        await pingDatabase(deps.db);
        return { ok: true, latencyMs: elapsedSince(started) };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.logger.warn({ err: error }, 'health check: database did not answer');
        return { ok: false, latencyMs: elapsedSince(started), error: message };
      }
    },

    async describeWorker(): Promise<WorkerDescription> {
      return { hostname: hostname(), pid: process.pid, nodeVersion: process.version, taskQueue: activityInfo().taskQueue };
    },
  };
}

function elapsedSince(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
