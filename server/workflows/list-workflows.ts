import type { z } from 'zod';
import type { listWorkflowsQuerySchema, WorkflowSummary } from '../../lib/contracts/workflows';
import type { AppContext } from '../app-context';

/** The Temporal web UI of the dev server this box runs, on the host the browser used; null for a remote cluster. */
export function temporalUiUrl(app: AppContext, requestHost: string | null): string | null {
  const temporalHost = app.config.temporal.address.split(':')[0] ?? '';
  if (!['127.0.0.1', 'localhost', '::1'].includes(temporalHost)) return null;
  const host = (requestHost ?? 'localhost').replace(/:\d+$/, '');
  return `http://${host}:${app.config.temporal.uiPort}/namespaces/${app.config.temporal.namespace}/workflows`;
}

export async function listWorkflows(app: AppContext, query: z.infer<typeof listWorkflowsQuerySchema>, requestHost: string | null): Promise<{ items: WorkflowSummary[]; temporalUiUrl: string | null }> {
  return { items: await app.workflows.listWorkflows(query), temporalUiUrl: temporalUiUrl(app, requestHost) };
}
