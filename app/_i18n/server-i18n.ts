import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from 'use-intl';
import { defaultLocale, isLocale, localeCookieName, negotiateLocale, type Locale } from '@/lib/i18n/locales';
import { readSessionUser } from '../_lib/read-session-user';
import { catalogues, type Messages } from './messages';

/** One zone (the server's, which follows TZ) for server and browser rendering, so that a date is the same text on both sides. */
export const consoleTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Server components: the language of this request. A logged-in user's stored choice wins; before login the
 * cookie the switcher sets, then the browser's Accept-Language, then English.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const user = await readSessionUser();
  if (user && isLocale(user.locale)) return user.locale;
  const cookieLocale = (await cookies()).get(localeCookieName)?.value;
  if (isLocale(cookieLocale)) return cookieLocale;
  return negotiateLocale((await headers()).get('accept-language')) ?? defaultLocale;
});

/** Server components: t() for one namespace of the catalogues, in the request's language. */
export async function getTranslations<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: N) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: catalogues[locale], namespace, timeZone: consoleTimeZone });
}

/** Server components: dates, numbers and relative times formatted for the request's language. */
export async function getFormatter() {
  const locale = await getLocale();
  return createFormatter({ locale, timeZone: consoleTimeZone });
}
