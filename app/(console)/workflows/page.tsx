import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { workflowTypes, type WorkflowSummary } from '@/lib/contracts/workflows';
import { getAppContext } from '@/server/app-context';
import { listWorkflows } from '@/server/workflows/list-workflows';
import { PageHeader } from '../../_components/page-header';
import { getFormatter, getTranslations } from '../../_i18n/server-i18n';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('workflows'))('title') };
}
export const dynamic = 'force-dynamic';

const isKnownType = (type: string): type is (typeof workflowTypes)[number] => (workflowTypes as readonly string[]).includes(type);

/** Operators see every durable workflow (pipelines, deliveries, retention, reconcile, training) and its state. */
export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<{ type?: string }> }) {
  const { type } = await searchParams;
  const t = await getTranslations('workflows');
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' });
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
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      <nav aria-label={t('kinds.label')} className="filter-bar">
        <a href="/workflows" aria-current={selected ? undefined : 'page'}>
          {t('kinds.all')}
        </a>
        {workflowTypes.map((kind) => (
          <a key={kind} href={`/workflows?type=${kind}`} aria-current={selected === kind ? 'page' : undefined}>
            {t(`kinds.${kind}`)}
          </a>
        ))}
        {result?.temporalUiUrl ? <a href={result.temporalUiUrl}>{t('temporalUi')}</a> : null}
      </nav>
      {problem ? <p role="alert">{t('unavailable', { message: problem })}</p> : null}
      {result && result.items.length === 0 ? <p>{t('empty')}</p> : null}
      {result && result.items.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('table.kind')}</th>
              <th scope="col">{t('table.workflowId')}</th>
              <th scope="col">{t('table.state')}</th>
              <th scope="col">{t('table.started')}</th>
              <th scope="col">{t('table.ended')}</th>
              <th scope="col">{t('table.events')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((workflow) => (
              <tr key={`${workflow.workflowId}/${workflow.runId}`}>
                <td>{isKnownType(workflow.type) ? t(`kinds.${workflow.type}`) : workflow.type}</td>
                <td>{result.temporalUiUrl ? <a href={`${result.temporalUiUrl}/${encodeURIComponent(workflow.workflowId)}/${workflow.runId}/history`}>{workflow.workflowId}</a> : workflow.workflowId}</td>
                <td>
                  <span className={`status status-${workflow.status}`}>{t(`statuses.${workflow.status}`)}</span>
                </td>
                <td>{when(workflow.startTime)}</td>
                <td>{workflow.closeTime ? when(workflow.closeTime) : '—'}</td>
                <td>{format.number(workflow.historyLength)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
