import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { roleAtLeast } from '@/lib/auth/roles';
import { isLocale, defaultLocale } from '@/lib/i18n/locales';
import { getAppContext } from '@/server/app-context';
import { getSettings } from '@/server/settings/get-settings';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';
import { readSessionUser } from '../../_lib/read-session-user';
import { CallbackPolicySection } from './_components/callback-policy-section';
import { CallbackTargetsSection } from './_components/callback-targets-section';
import { LanguageSection } from './_components/language-section';
import { RetentionSection } from './_components/retention-section';
import { TokensSection } from './_components/tokens-section';
import { UsersSection } from './_components/users-section';
import './settings.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

/** Everyone reads the settings and manages their own API tokens; operators add callback targets; admins change the rest. */
export default async function SettingsPage() {
  const user = await readSessionUser();
  if (!user) redirect('/login?next=%2Fsettings');
  const t = await getTranslations('settings');
  const settings = await getSettings((await getAppContext()).db);
  const isAdmin = user.role === 'admin';
  const sections = [
    { id: 'settings-retention', label: t('retention.title') },
    { id: 'settings-policy', label: t('policy.title') },
    { id: 'settings-targets', label: t('targets.title') },
    ...(isAdmin ? [{ id: 'settings-users', label: t('users.title') }] : []),
    { id: 'settings-tokens', label: t('tokens.title') },
    { id: 'settings-language', label: t('language.title') },
  ];
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      <nav aria-label={t('sectionNav')} className="settings-nav">
        {sections.map((section) => (
          <a key={section.id} href={`#${section.id}`}>
            {section.label}
          </a>
        ))}
      </nav>
      {isAdmin ? null : <p className="panel-hint">{t('readOnly')}</p>}
      <div className="settings-grid">
        <RetentionSection initial={settings} canEdit={isAdmin} />
        <CallbackPolicySection initial={settings} canEdit={isAdmin} />
      </div>
      {roleAtLeast(user.role, 'operator') ? (
        <CallbackTargetsSection />
      ) : (
        <section className="settings-section" aria-labelledby="settings-targets">
          <h2 id="settings-targets">{t('targets.title')}</h2>
          <p className="panel-hint">{t('targets.needsOperator')}</p>
        </section>
      )}
      {isAdmin ? <UsersSection currentUserId={user.id} defaultLocale={settings.defaultLocale} /> : null}
      <TokensSection role={user.role} />
      <LanguageSection ownLocale={isLocale(user.locale) ? user.locale : defaultLocale} initialDefault={settings.defaultLocale} canEdit={isAdmin} />
    </>
  );
}
