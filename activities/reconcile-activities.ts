import type { Db } from '../db/connect';
import { workloadLabelKeys, type WorkloadRuntime } from '../runtime/workload-runtime.port';
import { recordAudit } from '../server/audit/record-audit';
import type { Logger } from '../server/logger';

export interface DesiredPipeline {
  pipelineId: string;
  revision: number;
}

export interface OrphanRepair {
  workloadId: string;
  action: 'removed' | 'claim-dropped';
  reason: string;
}

/**
 * Reconcile's view of the world (DESIGN §6.6, level-triggered): the desired state is re-read from the database
 * every time, the actual state listed from the runtime; nothing acts on remembered events.
 */
export function createReconcileActivities(deps: { db: Db; logger: Logger; runtime?: WorkloadRuntime }) {
  return {
    async listDesiredPipelines(): Promise<DesiredPipeline[]> {
      const rows = await deps.db.selectFrom('pipelines').select(['id', 'deployed_revision', 'latest_revision']).where('desired_state', '=', 'running').orderBy('id').execute();
      return rows.map((row) => ({ pipelineId: row.id, revision: row.deployed_revision ?? row.latest_revision }));
    },

    /**
     * Removes workloads no desired pipeline accounts for: analyzers of pipelines that should not run, analyzers of
     * revisions older than the deployed one (left by a crash mid-update), and claims on algorithm servers held by
     * such pipelines. Newer-revision analyzers are left alone: an update may be under way.
     */
    async removeOrphanWorkloads(desired: DesiredPipeline[]): Promise<OrphanRepair[]> {
      if (!deps.runtime) return [];
      const wanted = new Map(desired.map((pipeline) => [pipeline.pipelineId.toLowerCase(), pipeline]));
      const wantedOwners = new Set(desired.map((pipeline) => pipeline.pipelineId));
      const repairs: OrphanRepair[] = [];
      for (const workload of await deps.runtime.list()) {
        if (workload.kind === 'analyzer') {
          const pipeline = wanted.get(workload.labels[workloadLabelKeys.pipeline] ?? '');
          const revision = Number(workload.labels[workloadLabelKeys.revision]);
          const reason = !pipeline ? 'its pipeline is not deployed' : revision < pipeline.revision ? `revision ${revision} was replaced by ${pipeline.revision}` : undefined;
          if (!reason) continue;
          await deps.runtime.remove(workload.id);
          repairs.push({ workloadId: workload.id, action: 'removed', reason });
        } else {
          for (const owner of workload.owners.filter((claim) => !wantedOwners.has(claim))) {
            const result = await deps.runtime.remove(workload.id, { owner });
            repairs.push({ workloadId: workload.id, action: result.outcome === 'removed' ? 'removed' : 'claim-dropped', reason: `claimed by ${owner}, which is not deployed` });
          }
        }
      }
      return repairs;
    },

    /** Every repair goes to the audit log, attributed to the system. */
    async recordRepairs(repairs: { subject: string; action: string; reason: string }[]): Promise<void> {
      for (const repair of repairs) {
        await recordAudit(deps.db, { actor: 'system', action: `reconcile.${repair.action}`, resourceType: 'workload', resourceId: repair.subject, details: { reason: repair.reason }, at: new Date() });
      }
      if (repairs.length) deps.logger.info({ repairs: repairs.length }, 'reconcile repaired drift');
    },
  };
}
