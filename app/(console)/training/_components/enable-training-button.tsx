'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ApiError, apiFetch } from '../../../_lib/api-fetch';

/** Admins turn the optional feature on from where they notice it is off (the same PATCH /api/v1/settings as Settings). */
export function EnableTrainingButton() {
  const t = useTranslations('training.disabled');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  async function enable() {
    setPending(true);
    setError(undefined);
    try {
      await apiFetch('/api/v1/settings', { method: 'PATCH', json: { trainingEnabled: true } });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button className="button" type="button" onClick={() => void enable()} disabled={pending} aria-busy={pending}>
        {t('enable')}
      </button>
      {error ? (
        <p className="alert-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
