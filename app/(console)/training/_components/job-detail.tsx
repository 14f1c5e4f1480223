'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { TrainingJobDetail } from '@/lib/contracts/training';
import { apiFetch } from '../../../_lib/api-fetch';
import { PageHeader } from '../../../_components/page-header';
import { RoundChart } from './round-chart';

const refreshMs = 3000;

/** The job as the API reports it, polled while queued or running so the chart grows round by round. */
export function JobDetail({ initial }: { initial: TrainingJobDetail }) {
  const t = useTranslations('training');
  const format = useFormatter();
  const [job, setJob] = useState(initial);
  const active = job.state === 'queued' || job.state === 'running';

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      apiFetch<TrainingJobDetail>(`/api/v1/training/jobs/${encodeURIComponent(job.id)}`)
        .then(setJob)
        // A missed poll is retried at the next tick; the page keeps what it has.
        .catch(() => undefined);
    }, refreshMs);
    return () => clearInterval(timer);
  }, [active, job.id]);

  const spec = job.spec as { rounds?: number; sites?: string[]; strategy?: { kind?: string } };
  const percent = (value: number) => format.number(value, { style: 'percent', maximumFractionDigits: 1 });
  const lastRound = [...job.rounds].sort((a, b) => b.round - a.round)[0];
  const evaluationBySite = new Map(lastRound?.evaluation.map((entry) => [entry.siteId, entry]) ?? []);

  return (
    <div className="training-grid">
      <p>
        <Link href="/training">← {t('detail.back')}</Link>
      </p>
      <PageHeader title={job.name}>{active ? t('detail.live') : null}</PageHeader>
      <dl className="job-facts">
        <dt>{t('detail.state')}</dt>
        <dd>
          <span className={`state-badge state-${job.state}`} aria-live="polite">
            {t(`jobs.states.${job.state}`)}
          </span>
          {job.stoppedEarly ? ` · ${t('detail.stoppedEarly')}` : null}
        </dd>
        <dt>{t('detail.algorithm')}</dt>
        <dd>{job.algorithm}</dd>
        <dt>{t('detail.strategy')}</dt>
        <dd>{spec.strategy?.kind ?? '—'}</dd>
        <dt>{t('detail.sites')}</dt>
        <dd>{(spec.sites ?? []).join(', ')}</dd>
        <dt>{t('detail.rounds')}</dt>
        <dd>{t('jobs.roundsValue', { done: job.roundsCompleted, total: spec.rounds ?? 0 })}</dd>
        {job.finalMetrics ? (
          <>
            <dt>{t('jobs.accuracy')}</dt>
            <dd>{t('detail.finalMetrics', { accuracy: percent(job.finalMetrics.accuracy), loss: format.number(job.finalMetrics.loss, { maximumFractionDigits: 3 }) })}</dd>
          </>
        ) : null}
        {job.modelVersionId ? (
          <>
            <dt>{t('detail.model')}</dt>
            <dd>{job.modelVersionId}</dd>
          </>
        ) : null}
      </dl>
      {job.error ? (
        <p className="alert-error" role="alert">
          {t('detail.error', { message: job.error })}
        </p>
      ) : null}

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{t('detail.chartTitle')}</h2>
        <RoundChart rounds={job.rounds} plannedRounds={spec.rounds ?? job.rounds.length} />
      </section>

      {job.rounds.length > 0 ? (
        <section aria-labelledby="rounds-heading">
          <h2 id="rounds-heading">{t('detail.roundsTable')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('detail.round')}</th>
                <th scope="col">{t('detail.roundState')}</th>
                <th scope="col">{t('detail.attempts')}</th>
                <th scope="col">{t('detail.selected')}</th>
                <th scope="col">{t('detail.accuracy')}</th>
                <th scope="col">{t('detail.loss')}</th>
                <th scope="col">{t('detail.dropouts')}</th>
              </tr>
            </thead>
            <tbody>
              {[...job.rounds]
                .sort((a, b) => a.round - b.round)
                .map((round) => (
                  <tr key={round.round}>
                    <th scope="row">{format.number(round.round)}</th>
                    <td>{round.state === 'completed' ? t('jobs.states.completed') : t('jobs.states.failed')}</td>
                    <td>{format.number(round.attempts)}</td>
                    <td>{round.selected.join(', ')}</td>
                    <td>{round.metrics ? percent(round.metrics.accuracy) : '—'}</td>
                    <td>{round.metrics ? format.number(round.metrics.loss, { maximumFractionDigits: 3 }) : '—'}</td>
                    <td>{round.dropouts.length === 0 ? '—' : round.dropouts.map((dropout) => t('detail.dropout', { site: dropout.siteId, phase: dropout.phase, reason: dropout.reason })).join('; ')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {lastRound && lastRound.training.length > 0 ? (
        <section aria-labelledby="sites-last-heading">
          <h2 id="sites-last-heading">{t('detail.perSite')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('detail.site')}</th>
                <th scope="col">{t('detail.trainSamples')}</th>
                <th scope="col">{t('detail.trainAccuracy')}</th>
                <th scope="col">{t('detail.evalAccuracy')}</th>
                <th scope="col">{t('detail.durationMs')}</th>
              </tr>
            </thead>
            <tbody>
              {lastRound.training.map((site) => (
                <tr key={site.siteId}>
                  <th scope="row">{site.siteId}</th>
                  <td>{format.number(site.sampleCount)}</td>
                  <td>{percent(site.metrics.accuracy)}</td>
                  <td>{evaluationBySite.get(site.siteId) ? percent(evaluationBySite.get(site.siteId)!.metrics.accuracy) : '—'}</td>
                  <td>{t('detail.seconds', { value: site.durationMs / 1000 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
