'use client';

import type { ReactNode } from 'react';
import { IntlProvider } from 'use-intl';
import type { Locale } from '@/lib/i18n/locales';
import { catalogues } from './messages';

/** Client components below it use useTranslations/useFormatter from use-intl in the language the server chose. */
export function I18nProvider({ locale, timeZone, children }: { locale: Locale; timeZone: string; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={catalogues[locale]} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}
