'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { locales, type Locale } from '@/lib/i18n/locales';
import type { Settings } from '@/lib/contracts/settings';
import { apiFetch } from '../../../_lib/api-fetch';
import { ActionFeedback } from './action-feedback';
import { useApiAction } from './use-api-action';

/** The user's own language (changed in the sidebar) and the platform's default, which admins set. */
export function LanguageSection({ ownLocale, initialDefault, canEdit }: { ownLocale: Locale; initialDefault: Locale; canEdit: boolean }) {
  const t = useTranslations('settings.language');
  const languageNames = useTranslations('common.language');
  const [platformDefault, setPlatformDefault] = useState<Locale>(initialDefault);
  const action = useApiAction();

  async function save(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const saved = await apiFetch<Settings>('/api/v1/settings', { method: 'PATCH', json: { defaultLocale: platformDefault } });
      setPlatformDefault(saved.defaultLocale);
    }, t('saved'));
  }

  return (
    <section className="settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('title')}</h2>
      <dl className="settings-facts">
        <dt>{t('yours')}</dt>
        <dd lang={ownLocale}>{languageNames(ownLocale)}</dd>
      </dl>
      <p className="panel-hint">{t('yoursHint')}</p>
      <form onSubmit={(event) => void save(event)}>
        <div className="field">
          <label htmlFor="platform-default-locale">{t('platformDefault')}</label>
          <select id="platform-default-locale" value={platformDefault} disabled={!canEdit || action.pending} onChange={(event) => setPlatformDefault(event.target.value as Locale)} aria-describedby="platform-default-locale-hint">
            {locales.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {languageNames(locale)}
              </option>
            ))}
          </select>
          <span id="platform-default-locale-hint" className="panel-hint">
            {t('platformDefaultHint')}
          </span>
        </div>
        {canEdit ? (
          <button className="button" type="submit" disabled={action.pending}>
            {t('save')}
          </button>
        ) : null}
      </form>
      <ActionFeedback error={action.error} notice={action.notice} />
    </section>
  );
}
