import Link from 'next/link';
import { useFormatter, useTranslations } from 'use-intl';
import { pipelineStateValues, type Dashboard, type PipelineState } from '@/lib/contracts/dashboard';
import { CountList, type Tone } from './count-list';

export const pipelineTones: Record<PipelineState, Tone> = { running: 'good', degraded: 'warn', starting: 'neutral', stopping: 'neutral', stopped: 'neutral', failed: 'bad', unknown: 'warn' };

export function PipelinesTile({ pipelines }: { pipelines: Dashboard['pipelines'] }) {
  const t = useTranslations('dashboard.pipelines');
  const problem = useTranslations('dashboard.health');
  const format = useFormatter();
  return (
    <section className="dashboard-tile" aria-labelledby="tile-pipelines">
      <h2 id="tile-pipelines" className="tile-title">
        {t('title')} <span className="tile-total">{t('total', { count: pipelines.total })}</span>
      </h2>
      <CountList label={t('countsLabel')} items={pipelineStateValues.map((state) => ({ key: state, name: t(`state.${state}`), count: pipelines.counts[state], tone: pipelineTones[state] }))} />
      <h3 className="panel-title">{t('deployed')}</h3>
      {pipelines.items.length === 0 ? (
        <p className="tile-muted">{t('noneDeployed')}</p>
      ) : (
        <ul className="tile-list tile-scroll">
          {pipelines.items.map((pipeline) => (
            <li key={pipeline.id}>
              <span className={`state-badge tone-${pipelineTones[pipeline.state]}`}>{t(`state.${pipeline.state}`)}</span> <Link href={`/pipelines/${pipeline.id}`}>{pipeline.name}</Link>{' '}
              <span className="tile-muted">{t('workloads', { ready: format.number(pipeline.workloads.ready), total: format.number(pipeline.workloads.total) })}</span>
              {pipeline.problem ? <span className="tile-problem">{problem('problem', { message: pipeline.problem })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <Link href="/pipelines">{t('manage')}</Link>
    </section>
  );
}
