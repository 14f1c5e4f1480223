'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';

/**
 * A secret the API returns only once (a callback signing secret, an API token): shown with a copy button until the
 * person says they stored it; it lives only in this component's state, so it is gone on reload.
 */
export function OneTimeSecret({ title, value, onDismiss }: { title: string; value: string; onDismiss: () => void }) {
  const t = useTranslations('settings.secret');
  const id = useId();
  const [copyState, setCopyState] = useState<'copied' | 'failed'>();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section className="one-time-secret" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{title}</h4>
      <p>{t('once')}</p>
      <div className="field-row">
        <label className="visually-hidden" htmlFor={`${id}-value`}>
          {t('value')}
        </label>
        <input id={`${id}-value`} className="secret-value" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        <button className="button button-small" type="button" onClick={() => void copy()}>
          {t('copy')}
        </button>
        <button className="button button-quiet button-small" type="button" onClick={onDismiss}>
          {t('dismiss')}
        </button>
      </div>
      <p role="status" className="panel-hint">
        {copyState === 'copied' ? t('copied') : copyState === 'failed' ? t('copyFailed') : ''}
      </p>
    </section>
  );
}
