'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { consoleSections } from './console-sections';

// A client component because layouts do not re-render on navigation: only usePathname keeps the highlight current.
export function ConsoleNav() {
  const pathname = usePathname();
  const t = useTranslations('nav');
  return (
    <nav aria-label={t('main')}>
      <ul className="nav-list">
        {consoleSections.map((section) => {
          const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link className="nav-link" href={section.href} aria-current={current ? 'page' : undefined}>
                {t(`sections.${section.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
