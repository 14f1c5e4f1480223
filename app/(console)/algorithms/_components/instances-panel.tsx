'use client';

import { useCallback, useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { AlgorithmInstance, AlgorithmInstances } from '@/lib/contracts/algorithm-instances';
import { apiFetch, ApiError } from '../../../_lib/api-fetch';

/** The version's running instances as the worker's runtime reports them, with the last ~50 output lines; refreshed on demand. */
export function InstancesPanel({ algorithmId, showsLogs }: { algorithmId: string; showsLogs: boolean }) {
  const t = useTranslations('algorithms.instances');
  const format = useFormatter();
  const [answer, setAnswer] = useState<AlgorithmInstances>();
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState(true);

  const refresh = useCallback(async () => {
    setPending(true);
    try {
      setAnswer(await apiFetch<AlgorithmInstances>(`/api/v1/algorithms/${encodeURIComponent(algorithmId)}/instances?tail=50`));
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setPending(false);
    }
  }, [algorithmId]);
  useEffect(() => void refresh(), [refresh]);

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });
  const lastExit = (instance: AlgorithmInstance) => {
    const exit = instance.lastExit;
    if (!exit) return '—';
    const reason = t(`reasons.${exit.reason}`);
    return exit.signal ? t('exitSignal', { reason, signal: exit.signal, time: when(exit.at) }) : t('exit', { reason, code: String(exit.code ?? '?'), time: when(exit.at) });
  };

  return (
    <section aria-labelledby="algorithm-instances" className="algorithms-card">
      <div className="instances-header">
        <h2 id="algorithm-instances">{t('title')}</h2>
        <button className="button button-quiet button-small" type="button" onClick={() => void refresh()} disabled={pending}>
          {t('refresh')}
        </button>
        <span role="status" className="panel-hint">
          {pending ? t('loading') : answer ? t('checkedAt', { time: when(answer.inspectedAt) }) : ''}
        </span>
      </div>
      {problem ? (
        <p role="alert" className="alert-error">
          {t('unavailable', { message: problem })}
        </p>
      ) : null}
      {answer && answer.instances.length === 0 ? <p className="panel-empty">{t('empty')}</p> : null}
      {answer && answer.instances.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t('caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('id')}</th>
                  <th scope="col">{t('phase')}</th>
                  <th scope="col">{t('ready')}</th>
                  <th scope="col">{t('restarts')}</th>
                  <th scope="col">{t('lastExit')}</th>
                  <th scope="col">{t('endpoint')}</th>
                  <th scope="col">{t('usedBy')}</th>
                  <th scope="col">{t('since')}</th>
                </tr>
              </thead>
              <tbody>
                {answer.instances.map((instance) => (
                  <tr key={instance.id}>
                    <td className="cell-code">{instance.id}</td>
                    <td>
                      <span className={`state-badge instance-${instance.phase}`}>{t(`phases.${instance.phase}`)}</span>
                    </td>
                    <td>{instance.ready ? '✓' : '✗'}</td>
                    <td>{format.number(instance.restarts)}</td>
                    <td>{lastExit(instance)}</td>
                    <td className="cell-code">{instance.endpoint ? `${instance.endpoint.host}:${instance.endpoint.port}` : '—'}</td>
                    <td className="cell-code">{instance.owners.join(', ')}</td>
                    <td>{when(instance.since)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {showsLogs && answer.logsIncluded ? (
            answer.instances.map((instance) => (
              <section key={instance.id} className="instance-logs" aria-labelledby={`logs-${instance.id}`}>
                <h3 id={`logs-${instance.id}`}>{t('logsTitle', { id: instance.id })}</h3>
                {instance.logProblem ? <p className="panel-hint">{t('logProblem', { message: instance.logProblem })}</p> : null}
                {instance.logs && instance.logs.length > 0 ? (
                  <pre tabIndex={0} aria-labelledby={`logs-${instance.id}`}>
                    {instance.logs.join('\n')}
                  </pre>
                ) : (
                  <p className="panel-hint">{t('noLogs')}</p>
                )}
              </section>
            ))
          ) : (
            <p className="panel-hint">{t('logsHidden')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
