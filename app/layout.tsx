import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { I18nProvider } from './_i18n/i18n-provider';
import { consoleTimeZone, getLocale } from './_i18n/server-i18n';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Vigil', template: '%s · Vigil' },
  description: 'Vigil video-analytics algorithm inference platform',
};

export const viewport: Viewport = { themeColor: '#0d141c', colorScheme: 'dark' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale} timeZone={consoleTimeZone}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
