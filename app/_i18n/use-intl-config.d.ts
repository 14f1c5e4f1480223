import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from './messages';

// Typed keys: t('cameras.title') is checked against the English catalogue at compile time.
declare module 'use-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
