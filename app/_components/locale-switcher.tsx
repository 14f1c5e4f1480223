'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { localeCookieName, locales, isLocale } from '@/lib/i18n/locales';
import { apiFetch, ApiError } from '../_lib/api-fetch';

/**
 * Switches the console language: stored on the user (PATCH /api/v1/auth/me) so it follows them to any browser,
 * and in a cookie so that the login page speaks it too. The page then re-renders on the server in the new language.
 */
export function LocaleSwitcher({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations('common.language');
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  async function change(next: string) {
    if (!isLocale(next)) return;
    setError(undefined);
    document.cookie = `${localeCookieName}=${next}; path=/; max-age=31536000; samesite=lax`;
    try {
      if (signedIn) await apiFetch('/api/v1/auth/me', { method: 'PATCH', json: { locale: next } });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      return;
    }
    startTransition(() => router.refresh());
  }

  return (
    <div className="locale-switcher">
      <label htmlFor={id}>{t('label')}</label>
      <select id={id} value={locale} disabled={pending} onChange={(event) => void change(event.target.value)}>
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(option)}
          </option>
        ))}
      </select>
      {error ? <p role="alert" className="form-error">{error}</p> : null}
    </div>
  );
}
