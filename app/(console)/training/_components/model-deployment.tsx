'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { PublishModelVersionResult } from '@/lib/contracts/training';
import { ApiError, apiFetch } from '../../../_lib/api-fetch';

/**
 * A model version's place on the analyzers: the active badge, or (for operators, on alarm-verifier versions) the button
 * that makes it the one analyzers use (POST …/publish; running pipelines roll over). One component for both, so that
 * the rollout's outcome stays on screen when the page refreshes and the button turns into the badge.
 */
export function ModelDeployment({ id, algorithm, version, active, canPublish }: { id: string; algorithm: string; version: number; active: boolean; canPublish: boolean }) {
  const t = useTranslations('training.models');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'published' | 'error'; text: string }>();

  async function publish() {
    setPending(true);
    setOutcome(undefined);
    try {
      const result = await apiFetch<PublishModelVersionResult>(`/api/v1/training/models/${encodeURIComponent(id)}/publish`, { method: 'POST', json: {} });
      const failed = result.rollout.filter((entry) => entry.outcome === 'failed');
      const signalled = result.rollout.filter((entry) => entry.outcome === 'signalled').length;
      const text = t('published', { algorithm, version: String(version), count: signalled });
      setOutcome({ kind: failed.length ? 'error' : 'published', text: failed.length ? `${text} ${t('rolloutFailed', { pipelines: failed.map((entry) => entry.pipelineId).join(', ') })}` : text });
      router.refresh();
    } catch (caught) {
      setOutcome({ kind: 'error', text: caught instanceof ApiError ? caught.message : String(caught) });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {active ? (
        <span className="state-badge">{t('active')}</span>
      ) : canPublish ? (
        <button className="button button-small" type="button" onClick={() => void publish()} disabled={pending} aria-busy={pending} aria-label={t('publishLabel', { algorithm, version: String(version) })}>
          {t('publish')}
        </button>
      ) : (
        '—'
      )}
      {outcome ? (
        <p className={outcome.kind === 'error' ? 'alert-error' : 'panel-hint'} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      ) : null}
    </>
  );
}
