import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { BrandMark } from '../_components/brand-mark';
import { readSessionUser } from '../_lib/read-session-user';
import { safeNextPath } from '../_lib/safe-next-path';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Log in' };

interface LoginPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

export default async function LoginPage({ searchParams }: LoginPageProps) {
  const nextPath = safeNextPath((await searchParams).next);
  // Someone already logged in (e.g. a second tab) goes straight on instead of logging in twice.
  if (await readSessionUser()) redirect(nextPath);
  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="login-heading">
        <BrandMark tagline="Video analytics" />
        <h1 id="login-heading">Log in</h1>
        <LoginForm nextPath={nextPath} />
      </section>
    </main>
  );
}
