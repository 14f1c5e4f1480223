'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Pipeline } from '@/lib/contracts/pipelines';
import { apiFetch } from '@/app/_lib/api-fetch';

/** Every pipeline with its latest and deployed revision; "New pipeline" creates one and opens the builder. */
export function PipelineList() {
  const router = useRouter();
  const nameId = useId();
  const [items, setItems] = useState<Pipeline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    apiFetch<{ items: Pipeline[] }>('/api/v1/pipelines')
      .then((list) => setItems(list.items))
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreating(true);
    setError(null);
    try {
      const created = await apiFetch<Pipeline>('/api/v1/pipelines', { method: 'POST', json: { name: name.trim() || 'Untitled pipeline', comment: 'created' } });
      router.push(`/pipelines/${created.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setCreating(false);
    }
  };

  return (
    <section aria-label="Pipeline list">
      <form className="inline-form" onSubmit={(event) => void create(event)}>
        <label htmlFor={nameId}>Name</label>
        <input id={nameId} type="text" maxLength={100} value={name} onChange={(event) => setName(event.target.value)} placeholder="e.g. Gate 3 intrusion" />
        <button type="submit" className="button" disabled={creating}>
          {creating ? 'Creating…' : 'New pipeline'}
        </button>
      </form>
      {error ? (
        <div className="alert-error" role="alert">
          {error}
        </div>
      ) : null}
      {items === null && !error ? <p className="panel-hint">Loading…</p> : null}
      {items?.length === 0 ? <p className="panel-hint">No pipelines yet. Name one and press New pipeline.</p> : null}
      {items && items.length > 0 ? (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Latest revision</th>
              <th scope="col">Deployed revision</th>
              <th scope="col">State</th>
              <th scope="col">Updated</th>
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
                  <span className={`state-badge state-${pipeline.desiredState}`}>{pipeline.desiredState}</span>
                </td>
                <td>{new Date(pipeline.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
