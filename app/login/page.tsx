import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BrandMark } from '../_components/brand-mark';
import { LocaleSwitcher } from '../_components/locale-switcher';
import { getTranslations } from '../_i18n/server-i18n';
import { readSessionUser } from '../_lib/read-session-user';
import { safeNextPath } from '../_lib/safe-next-path';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('login'))('title') };
}

interface LoginPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const nextPath = safeNextPath((await searchParams).next);
  // Someone already logged in (e.g. a second tab) goes straight on instead of logging in twice.
  if (await readSessionUser()) redirect(nextPath);
  const t = await getTranslations('login');
  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="login-heading">
        <BrandMark tagline={t('lede')} />
        <h1 id="login-heading">{t('title')}</h1>
        <LoginForm nextPath={nextPath} />
        <LocaleSwitcher signedIn={false} />
      </section>
    </main>
  );
}
