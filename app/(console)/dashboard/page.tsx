import type { Metadata } from 'next';
import type { Dashboard } from '@/lib/contracts/dashboard';
import { getAppContext } from '@/server/app-context';
import { buildDashboard } from '@/server/dashboard/build-dashboard';
import { PageHeader } from '../../_components/page-header';
import { consoleTimeZone, getTranslations } from '../../_i18n/server-i18n';
import { DashboardView } from './_components/dashboard-view';
import './dashboard.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

export const dynamic = 'force-dynamic';

/** The landing page after login: rendered with a first snapshot, then kept fresh in the browser. */
export default async function DashboardPage() {
  const t = await getTranslations('dashboard');
  let initial: Dashboard | null = null;
  let problem: string | undefined;
  try {
    initial = await buildDashboard(await getAppContext(), consoleTimeZone);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      {problem ? (
        <p className="alert-error" role="alert">
          {t('refresh.loadFailed', { message: problem })}
        </p>
      ) : null}
      <DashboardView initial={initial} />
    </>
  );
}
