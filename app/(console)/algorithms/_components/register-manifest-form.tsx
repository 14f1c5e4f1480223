'use client';

import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { Algorithm } from '@/lib/contracts/algorithms';
import { apiFetch, ApiError } from '../../../_lib/api-fetch';

type Outcome = { kind: 'registered'; text: string } | { kind: 'error'; text: string; fields: string[] };

/** Registers a version from its manifest, pasted or read from a chosen file; the API's field errors are listed by path. */
export function RegisterManifestForm() {
  const t = useTranslations('algorithms.register');
  const router = useRouter();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setText(await file.text());
      setOutcome(undefined);
    } catch (error) {
      setOutcome({ kind: 'error', text: t('unreadableFile', { message: error instanceof Error ? error.message : String(error) }), fields: [] });
    }
  }

  async function register(event: FormEvent) {
    event.preventDefault();
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (error) {
      setOutcome({ kind: 'error', text: t('invalidJson', { message: error instanceof Error ? error.message : String(error) }), fields: [] });
      return;
    }
    setPending(true);
    try {
      const algorithm = await apiFetch<Algorithm>('/api/v1/algorithms', { method: 'POST', json: manifest });
      setOutcome({ kind: 'registered', text: t('registered', { name: algorithm.name, version: algorithm.version }) });
      setText('');
      router.refresh();
    } catch (error) {
      const fields = error instanceof ApiError && Array.isArray(error.details) ? error.details.map((problem: { path?: string; message?: string }) => `${problem.path ?? ''}: ${problem.message ?? ''}`) : [];
      setOutcome({ kind: 'error', text: t('failed', { message: error instanceof Error ? error.message : String(error) }), fields });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="register-manifest" aria-labelledby="register-manifest-title">
      <h2 id="register-manifest-title">{t('title')}</h2>
      <p className="panel-hint">{t('hint')}</p>
      <form onSubmit={(event) => void register(event)}>
        <div className="field">
          <label htmlFor="manifest-file">{t('file')}</label>
          <input id="manifest-file" type="file" accept=".json,application/json" onChange={(event) => void readFile(event)} />
        </div>
        <div className="field">
          <label htmlFor="manifest-text">{t('manifest')}</label>
          <textarea id="manifest-text" rows={10} required spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} aria-invalid={outcome?.kind === 'error' ? true : undefined} />
        </div>
        <button className="button" type="submit" disabled={pending}>
          {t('submit')}
        </button>
      </form>
      {outcome?.kind === 'registered' ? (
        <p role="status" className="algorithms-notice">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <div role="alert" className="alert-error">
          <p>{outcome.text}</p>
          {outcome.fields.length > 0 ? (
            <>
              <p>{t('fields')}</p>
              <ul>
                {outcome.fields.map((field) => (
                  <li key={field}>{field}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
