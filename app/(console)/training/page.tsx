import type { Metadata } from 'next';
import Link from 'next/link';
import { roleAtLeast } from '@/lib/auth/roles';
import { getAppContext } from '@/server/app-context';
import { getSettings } from '@/server/settings/get-settings';
import { listModelVersions } from '@/server/training/list-model-versions';
import { listTrainingJobs } from '@/server/training/list-training-jobs';
import { listSites } from '@/server/training/site-registry';
import { trainableNames } from '@/training/trainable-names';
import { PageHeader } from '../../_components/page-header';
import { getFormatter, getTranslations } from '../../_i18n/server-i18n';
import { readSessionUser } from '../../_lib/read-session-user';
import { EnableTrainingButton } from './_components/enable-training-button';
import { NewJobForm } from './_components/new-job-form';
import { ModelDeployment } from './_components/model-deployment';
import './training.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('training'))('title') };
}

/** Sites, training jobs and the model versions they published; operators start new jobs here. */
export default async function TrainingPage() {
  const [t, format, user, app] = await Promise.all([getTranslations('training'), getFormatter(), readSessionUser(), getAppContext()]);
  const [sites, jobs, models, settings] = await Promise.all([listSites(app.db, app.now()), listTrainingJobs(app, 50), listModelVersions(app, { limit: 50 }), getSettings(app.db)]);
  const canStart = user !== undefined && roleAtLeast(user.role, 'operator');
  const isAdmin = user !== undefined && roleAtLeast(user.role, 'admin');
  const dateTime = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
  const percent = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <div className="training-grid">
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      {settings.trainingEnabled ? null : (
        <section className="notice" aria-labelledby="training-disabled-heading">
          <h2 id="training-disabled-heading">{t('disabled.title')}</h2>
          <p>{isAdmin ? t('disabled.admin') : t('disabled.others')}</p>
          {isAdmin ? <EnableTrainingButton /> : null}
        </section>
      )}

      <section className="training-section" aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('sites.title')}</h2>
        {sites.length === 0 ? (
          <p className="panel-empty">{t('sites.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('sites.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sites.id')}</th>
                <th scope="col">{t('sites.state')}</th>
                <th scope="col">{t('sites.lastSeen')}</th>
                <th scope="col">{t('sites.samples')}</th>
                <th scope="col">{t('sites.algorithms')}</th>
                <th scope="col">{t('sites.host')}</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id}>
                  <th scope="row">{site.id}</th>
                  <td>
                    <span className={`state-badge state-${site.state === 'online' ? 'running' : 'stopped'}`}>{t(`sites.${site.state}`)}</span>
                  </td>
                  <td>{dateTime(site.lastSeenAt)}</td>
                  <td>
                    {format.number(site.samples)} / {format.number(site.testSamples)}
                  </td>
                  <td>{site.algorithms.join(', ')}</td>
                  <td>{site.agent.hostname}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="training-section" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">{t('jobs.title')}</h2>
        {jobs.length === 0 ? (
          <p className="panel-empty">{t('jobs.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('jobs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('jobs.name')}</th>
                <th scope="col">{t('jobs.algorithm')}</th>
                <th scope="col">{t('jobs.state')}</th>
                <th scope="col">{t('jobs.rounds')}</th>
                <th scope="col">{t('jobs.accuracy')}</th>
                <th scope="col">{t('jobs.created')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <Link href={`/training/${job.id}`}>{job.name}</Link>
                  </th>
                  <td>{job.algorithm}</td>
                  <td>
                    <span className={`state-badge state-${job.state}`}>{t(`jobs.states.${job.state}`)}</span>
                  </td>
                  <td>{t('jobs.roundsValue', { done: job.roundsCompleted, total: Number(job.spec.rounds ?? 0) })}</td>
                  <td>{job.finalMetrics ? percent(job.finalMetrics.accuracy) : '—'}</td>
                  <td>{dateTime(job.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {!settings.trainingEnabled ? null : canStart ? <NewJobForm algorithms={trainableNames} sites={sites} /> : <p className="panel-hint">{t('form.viewerOnly')}</p>}

      <section className="training-section" aria-labelledby="models-heading">
        <h2 id="models-heading">{t('models.title')}</h2>
        {models.length === 0 ? (
          <p className="panel-empty">{t('models.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('models.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('models.version')}</th>
                <th scope="col">{t('models.job')}</th>
                <th scope="col">{t('models.round')}</th>
                <th scope="col">{t('models.accuracy')}</th>
                <th scope="col">{t('models.loss')}</th>
                <th scope="col">{t('models.samples')}</th>
                <th scope="col">{t('models.created')}</th>
                <th scope="col">{t('models.deployment')}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id}>
                  <th scope="row">
                    {model.algorithm} v{model.version}
                  </th>
                  <td>
                    <Link href={`/training/${model.jobId}`}>{model.jobId}</Link>
                  </td>
                  <td>{format.number(model.round)}</td>
                  <td>{model.metrics ? percent(model.metrics.accuracy) : '—'}</td>
                  <td>{model.metrics ? format.number(model.metrics.loss, { maximumFractionDigits: 3 }) : '—'}</td>
                  <td>{model.metrics ? format.number(model.metrics.sampleCount) : '—'}</td>
                  <td>{dateTime(model.createdAt)}</td>
                  <td data-model-deployment={model.active ? 'active' : 'inactive'}>
                    <ModelDeployment id={model.id} algorithm={model.algorithm} version={model.version} active={model.active} canPublish={model.algorithm === 'alarm-verifier' && canStart} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
