'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { Pipeline } from '@/lib/contracts/pipelines';
import { apiFetch, ApiError } from '@/app/_lib/api-fetch';

/** Known failures in the console's language; any other API answer as the API worded it. */
function describeFailure(failure: unknown, t: (key: 'networkError' | 'forbidden') => string): string {
  if (failure instanceof ApiError && failure.code === 'network_error') return t('networkError');
  if (failure instanceof ApiError && failure.status === 403) return t('forbidden');
  return failure instanceof Error ? failure.message : String(failure);
}

/** Every pipeline with its latest and deployed revision; "New pipeline" creates one and opens the builder. */
export function PipelineList() {
  const router = useRouter();
  const t = useTranslations('pipelines.list');
  const format = useFormatter();
  const nameId = useId();
  const [items, setItems] = useState<Pipeline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    apiFetch<{ items: Pipeline[] }>('/api/v1/pipelines')
      .then((list) => setItems(list.items))
      .catch((failure: unknown) => setError(describeFailure(failure, t)));
  }, [t]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreating(true);
    setError(null);
    try {
      const created = await apiFetch<Pipeline>('/api/v1/pipelines', { method: 'POST', json: { name: name.trim() || t('untitled'), comment: t('createdComment') } });
      router.push(`/pipelines/${created.id}`);
    } catch (failure) {
      setError(describeFailure(failure, t));
      setCreating(false);
    }
  };

  return (
    <section aria-label={t('label')}>
      <form className="inline-form" onSubmit={(event) => void create(event)}>
        <label htmlFor={nameId}>{t('name')}</label>
        <input id={nameId} type="text" maxLength={100} value={name} onChange={(event) => setName(event.target.value)} placeholder={t('namePlaceholder')} />
        <button type="submit" className="button" disabled={creating}>
          {creating ? t('creating') : t('create')}
        </button>
      </form>
      {error ? (
        <div className="alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {items === null && !error ? <p className="panel-hint">{t('loading')}</p> : null}
      {items?.length === 0 ? <p className="panel-hint">{t('empty')}</p> : null}
      {items && items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('latestRevision')}</th>
              <th scope="col">{t('deployedRevision')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((pipeline) => (
              <tr key={pipeline.id}>
                <td>
                  <Link href={`/pipelines/${pipeline.id}`}>{pipeline.name}</Link>
                </td>
                <td>{pipeline.latestRevision}</td>
                <td>{pipeline.deployedRevision ?? '—'}</td>
                <td>
                  <span className={`state-badge state-${pipeline.desiredState}`}>{t(`states.${pipeline.desiredState}`)}</span>
                </td>
                <td>{format.dateTime(new Date(pipeline.updatedAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
