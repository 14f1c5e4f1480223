import type { KubernetesObject } from '@kubernetes/client-node';
import type { Logger } from 'pino';
import type { WorkloadChange, WorkloadStatus, WorkloadWatch } from '../workload-runtime.port';
import { WorkloadChangeTracker } from '../workload-change-tracker';
import type { KubernetesApi } from './kubernetes-api';
import { labelSelectorFor, workloadIdLabel } from './workload-labels';

export interface KubernetesWatchSources {
  api: KubernetesApi;
  status(id: string): Promise<WorkloadStatus | undefined>;
  list(): Promise<WorkloadStatus[]>;
  logger: Logger;
  /** Pause before a watch stream that ended is started again (the API server ends watches every few minutes). */
  restartDelayMs: number;
}

const streams = [
  { group: 'apps', resource: 'deployments' },
  { group: 'core', resource: 'pods' },
] as const;

/**
 * Watches the Deployments and Pods of the runtime's workloads. An event only queues its workload's id (level-triggered,
 * DESIGN §6.6): a single drain re-reads that workload's status and reports it when its phase, readiness, restarts, spec
 * or owners moved, or when it is gone. A stream that ends is started again after a pause, preceded by a full listing,
 * so a change made while no stream was open is still reported.
 */
export function watchKubernetesWorkloads(sources: KubernetesWatchSources, onChange: (change: WorkloadChange) => void): WorkloadWatch {
  const tracker = new WorkloadChangeTracker();
  const queued = new Set<string>();
  const controllers = new Set<AbortController>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let draining: Promise<void> | undefined;

  const report = (change: WorkloadChange | undefined) => {
    if (change && !stopped) onChange(change);
  };

  const drain = async () => {
    while (!stopped && queued.size > 0) {
      const id = queued.values().next().value as string;
      queued.delete(id);
      try {
        report(tracker.observe(id, await sources.status(id)));
      } catch (error) {
        // The next event or the listing after a stream restart reads it again.
        sources.logger.warn({ err: error, workload: id }, 'could not read a watched workload');
      }
    }
  };
  const kick = () => {
    if (draining || stopped) return;
    draining = drain().finally(() => {
      draining = undefined;
      if (queued.size > 0) kick();
    });
  };
  const enqueue = (object: KubernetesObject) => {
    const id = object.metadata?.labels?.[workloadIdLabel];
    if (!id) return;
    queued.add(id);
    kick();
  };
  const resync = async () => {
    try {
      for (const change of tracker.observeAll(await sources.list())) report(change);
    } catch (error) {
      sources.logger.warn({ err: error }, 'could not list workloads for the watch');
    }
  };

  const open = async (stream: (typeof streams)[number]) => {
    if (stopped) return;
    let controller: AbortController | undefined;
    const again = (error: unknown) => {
      if (controller) controllers.delete(controller);
      if (stopped) return;
      if (error) sources.logger.warn({ err: error, resource: stream.resource }, 'workload watch ended; starting it again');
      const timer = setTimeout(() => {
        timers.delete(timer);
        void resync().then(() => open(stream));
      }, sources.restartDelayMs);
      timers.add(timer);
    };
    try {
      controller = await sources.api.watchList(stream.group, stream.resource, labelSelectorFor({}), enqueue, again);
      if (stopped) controller.abort();
      else controllers.add(controller);
    } catch (error) {
      again(error);
    }
  };

  // The current state first, then every change.
  const started = resync().then(() => Promise.all(streams.map(open)));
  return {
    async stop() {
      stopped = true;
      await started;
      for (const controller of controllers) controller.abort();
      controllers.clear();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await draining;
    },
  };
}
