import type { Locale } from '@/lib/i18n/locales';
import { alarms } from './alarms';
import { algorithms } from './algorithms';
import { cameras } from './cameras';
import { canvas } from './canvas';
import { common } from './common';
import { dashboard } from './dashboard';
import { live } from './live';
import { login } from './login';
import { nav } from './nav';
import { pipelines } from './pipelines';
import { settings } from './settings';
import { training } from './training';
import { workflows } from './workflows';

/** Every namespace, one file each (so that pages can be translated side by side without touching one big file). */
const namespaces = { common, nav, login, dashboard, cameras, live, alarms, algorithms, settings, pipelines, canvas, workflows, training };

type Namespaces = typeof namespaces;
export type Messages = { [N in keyof Namespaces]: Namespaces[N]['en'] };

function pick(locale: Locale): Messages {
  return Object.fromEntries(Object.entries(namespaces).map(([name, catalogue]) => [name, catalogue[locale]])) as Messages;
}

export const catalogues: Record<Locale, Messages> = { en: pick('en'), 'zh-CN': pick('zh-CN') };
