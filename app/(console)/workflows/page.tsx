import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { workflowTypes, type WorkflowSummary } from '@/lib/contracts/workflows';
import { getAppContext } from '@/server/app-context';
import { listWorkflows } from '@/server/workflows/list-workflows';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Workflows' };
export const dynamic = 'force-dynamic';

const typeLabels: Record<string, string> = {
  pipelineWorkflow: 'Pipeline',
  alarmDeliveryWorkflow: 'Alarm delivery',
  retentionWorkflow: 'Retention',
  reconcileWorkflow: 'Reconcile',
  federatedTrainingWorkflow: 'Training',
  healthCheckWorkflow: 'Health check',
};

/** Operators see every durable workflow (pipelines, deliveries, retention, reconcile, training) and its state. */
export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const { type } = await searchParams;
  const selected = workflowTypes.find((candidate) => candidate === type);
  const app = await getAppContext();
  let result: { items: WorkflowSummary[]; temporalUiUrl: string | null } | undefined;
  let problem: string | undefined;
  try {
    result = await listWorkflows(app, { limit: 100, ...(selected ? { type: selected } : {}) }, (await headers()).get('host'));
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return (
    <>
      <PageHeader title="Workflows">Durable work the platform is doing or did: state, start and end, and how long each history is.</PageHeader>
      <nav aria-label="Workflow kinds" className="filter-bar">
        <a href="/workflows" aria-current={selected ? undefined : 'page'}>All</a>
        {workflowTypes.map((kind) => (
          <a key={kind} href={`/workflows?type=${kind}`} aria-current={selected === kind ? 'page' : undefined}>
            {typeLabels[kind]}
          </a>
        ))}
        {result?.temporalUiUrl ? <a href={result.temporalUiUrl}>Open the Temporal UI</a> : null}
      </nav>
      {problem ? <p role="alert">Temporal could not be asked: {problem}</p> : null}
      {result && result.items.length === 0 ? <p>No workflows yet.</p> : null}
      {result && result.items.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">Workflows, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Workflow id</th>
              <th scope="col">State</th>
              <th scope="col">Started</th>
              <th scope="col">Ended</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((workflow) => (
              <tr key={`${workflow.workflowId}/${workflow.runId}`}>
                <td>{typeLabels[workflow.type] ?? workflow.type}</td>
                <td>{result.temporalUiUrl ? <a href={`${result.temporalUiUrl}/${encodeURIComponent(workflow.workflowId)}/${workflow.runId}/history`}>{workflow.workflowId}</a> : workflow.workflowId}</td>
                <td>
                  <span className={`status status-${workflow.status}`}>{workflow.status}</span>
                </td>
                <td>{new Date(workflow.startTime).toLocaleString()}</td>
                <td>{workflow.closeTime ? new Date(workflow.closeTime).toLocaleString() : '—'}</td>
                <td>{workflow.historyLength}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
