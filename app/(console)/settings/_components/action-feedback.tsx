'use client';

import { useTranslations } from 'use-intl';
import type { DescribedError } from '../_lib/describe-api-error';

/** The outcome of the last action: an alert with the field problems, or a polite success note. */
export function ActionFeedback({ error, notice }: { error?: DescribedError; notice?: string }) {
  const t = useTranslations('settings.errors');
  if (error) {
    return (
      <div className="alert-error" role="alert">
        <p>{error.message}</p>
        {error.fields.length > 0 ? (
          <>
            <p>{t('fields')}</p>
            <ul>
              {error.fields.map((field) => (
                <li key={field}>{field}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    );
  }
  return notice ? (
    <p className="settings-notice" role="status">
      {notice}
    </p>
  ) : null;
}
