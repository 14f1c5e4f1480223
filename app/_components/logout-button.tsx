'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { apiFetch, ApiError } from '../_lib/api-fetch';

export function LogoutButton() {
  const t = useTranslations('nav');
  const [pending, setPending] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string | undefined>();

  async function logOut() {
    setPending(true);
    setErrorMessage(undefined);
    try {
      await apiFetch('/api/v1/auth/logout', { method: 'POST' });
    } catch (error) {
      // 401 means the session is already gone, which is what logging out wants; anything else is shown.
      if (!(error instanceof ApiError && error.status === 401)) {
        setErrorMessage(error instanceof ApiError ? error.message : 'Logout failed. Try again.');
        setPending(false);
        return;
      }
    }
    // A full page load drops the client router's cache of pages rendered for this user.
    window.location.assign('/login');
  }

  return (
    <>
      <button className="button button-quiet" type="button" onClick={() => void logOut()} disabled={pending}>
        {pending ? t('loggingOut') : t('logOut')}
      </button>
      {errorMessage ? (
        <p className="alert-error" role="alert">
          {errorMessage}
        </p>
      ) : null}
    </>
  );
}
