import type { Pipeline, PipelineRevision } from '@/lib/contracts/pipelines';
import type { PipelineGraph } from '@/lib/pipeline/graph-schema';
import type { GraphDiff } from '@/lib/pipeline/diff-graphs';
import { apiFetch } from '@/app/_lib/api-fetch';
import type { WorkloadHealthView } from '@/lib/pipeline/deployment';

export type PipelineWithGraph = Pipeline & { graph: PipelineGraph };
export type RevisionSummary = Omit<PipelineRevision, 'graph'>;
export interface PipelineRunStatus {
  desiredState: string;
  deployedRevision: number | null;
  running: boolean;
  status: { state: string; revision: number; lastError?: string; workloads?: WorkloadHealthView[] } | null;
  problem: string | null;
}

const base = (id: string) => `/api/v1/pipelines/${encodeURIComponent(id)}`;

export const pipelineApi = {
  load: (id: string) => apiFetch<PipelineWithGraph>(base(id)),
  saveRevision: (id: string, body: { graph: PipelineGraph; comment: string; baseRevision: number }) =>
    apiFetch<PipelineRevision>(`${base(id)}/revisions`, { method: 'POST', json: body }),
  listRevisions: (id: string) => apiFetch<{ items: RevisionSummary[] }>(`${base(id)}/revisions`),
  diff: (id: string, from: number, to: number) => apiFetch<GraphDiff>(`${base(id)}/diff?from=${from}&to=${to}`),
  restore: (id: string, revision: number) => apiFetch<PipelineRevision>(`${base(id)}/revisions/${revision}/restore`, { method: 'POST', json: {} }),
  deploy: (id: string, revision: number) => apiFetch<{ workflowId: string; revision: number }>(`${base(id)}/deploy`, { method: 'POST', json: { revision } }),
  stop: (id: string) => apiFetch<{ wasRunning: boolean }>(`${base(id)}/stop`, { method: 'POST', json: {} }),
  status: (id: string) => apiFetch<PipelineRunStatus>(`${base(id)}/status`),
};
