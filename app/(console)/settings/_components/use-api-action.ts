'use client';

import { useCallback, useState } from 'react';
import { useTranslations } from 'use-intl';
import { describeApiError, type DescribedError } from '../_lib/describe-api-error';

/**
 * Runs one API call at a time for a form or button: pending while it runs, the failure described in the user's
 * language afterwards, and a success note. Resolves to whether the action succeeded.
 */
export function useApiAction() {
  const t = useTranslations('settings.errors');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<DescribedError>();
  const [notice, setNotice] = useState<string>();

  const run = useCallback(
    async (action: () => Promise<void>, successNotice?: string): Promise<boolean> => {
      setPending(true);
      setError(undefined);
      setNotice(undefined);
      try {
        await action();
        setNotice(successNotice);
        return true;
      } catch (caught) {
        setError(describeApiError(caught, { lastAdmin: t('lastAdmin'), forbidden: t('forbidden'), network: t('network'), failed: (message) => t('failed', { message }) }));
        return false;
      } finally {
        setPending(false);
      }
    },
    [t],
  );

  return { pending, error, notice, run, clear: () => (setError(undefined), setNotice(undefined)) };
}
