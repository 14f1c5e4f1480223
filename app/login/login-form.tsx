'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { apiFetch, ApiError } from '../_lib/api-fetch';

export function LoginForm({ nextPath }: { nextPath: string }) {
  const router = useRouter();
  const t = useTranslations('login');
  const [errorMessage, setErrorMessage] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  // Until React has hydrated, a click would submit the form natively instead of calling the API.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setErrorMessage(undefined);
    try {
      await apiFetch('/api/v1/auth/login', { method: 'POST', json: { username: form.get('username'), password: form.get('password') } });
      router.replace(nextPath);
    } catch (error) {
      // Known answers in the console's language; anything else as the API worded it.
      if (error instanceof ApiError && error.status === 401) setErrorMessage(t('wrongCredentials'));
      else if (error instanceof ApiError && error.status === 429) setErrorMessage(t('rateLimited'));
      else setErrorMessage(error instanceof ApiError ? error.message : t('unexpected'));
      setSubmitting(false);
    }
  }

  return (
    // method="post" keeps the password out of the URL should the browser ever submit the form itself.
    <form method="post" onSubmit={(event) => void handleSubmit(event)}>
      {errorMessage ? (
        <p id="login-error" className="alert-error" role="alert">
          {errorMessage}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="login-username">{t('username')}</label>
        <input id="login-username" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t('password')}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="button" type="submit" disabled={!hydrated || submitting} aria-busy={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
