import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { BrandMark } from '../_components/brand-mark';
import { ConsoleNav } from '../_components/console-nav';
import { LogoutButton } from '../_components/logout-button';
import { readSessionUser } from '../_lib/read-session-user';
import { readRequestedPath } from '../_lib/requested-path';

/** The authenticated shell. The session is checked on the server so no console page renders for a stranger. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await readSessionUser();
  if (!user) {
    const requestedPath = await readRequestedPath();
    redirect(requestedPath ? `/login?next=${encodeURIComponent(requestedPath)}` : '/login');
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <aside className="sidebar">
        <BrandMark tagline="Console" />
        <ConsoleNav />
        <section className="user-panel" aria-label="Signed-in user">
          <span className="user-name">{user.username}</span>
          <span className="user-role">{user.role}</span>
          <LogoutButton />
        </section>
      </aside>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}

