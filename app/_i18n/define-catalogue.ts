import type { Locale } from '@/lib/i18n/locales';

/** A catalogue's messages: ICU message strings (use-intl), nested by topic. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** The shape of `T` with every message widened to string: the Chinese catalogue must have exactly the English keys. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

/**
 * One namespace of the console's messages in every language. English is the reference; TypeScript refuses a
 * Chinese catalogue with a missing or extra key, and app/_i18n/catalogues.test.ts checks the rest (placeholders,
 * empty or untranslated strings).
 */
export function defineCatalogue<const T extends MessageTree>(catalogue: { en: T } & { [L in Exclude<Locale, 'en'>]: SameKeys<T> }): { en: T } & { [L in Exclude<Locale, 'en'>]: SameKeys<T> } {
  return catalogue;
}
