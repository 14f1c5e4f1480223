import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandMark } from '../_components/brand-mark';
import { ConsoleNav } from '../_components/console-nav';
import { LocaleSwitcher } from '../_components/locale-switcher';
import { LogoutButton } from '../_components/logout-button';
import { getTranslations } from '../_i18n/server-i18n';
import { readSessionUser } from '../_lib/read-session-user';
import { readRequestedPath } from '../_lib/requested-path';

/** The authenticated shell. The session is checked on the server so no console page renders for a stranger. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await readSessionUser();
  if (!user) {
    const requestedPath = await readRequestedPath();
    redirect(requestedPath ? `/login?next=${encodeURIComponent(requestedPath)}` : '/login');
  }
  const t = await getTranslations('nav');
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <aside className="sidebar">
        <BrandMark tagline={t('console')} />
        <ConsoleNav />
        <section className="user-panel" aria-label={t('signedInUser')}>
          <span className="user-name">{user.username}</span>
          <span className="user-role">{t(`roles.${user.role}`)}</span>
          <LocaleSwitcher signedIn />
          <LogoutButton />
        </section>
      </aside>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}
