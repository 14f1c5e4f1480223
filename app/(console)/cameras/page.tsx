import type { Metadata } from 'next';
import { roleAtLeast } from '@/lib/auth/roles';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';
import { readSessionUser } from '../../_lib/read-session-user';
import { CamerasScreen } from './_components/cameras-screen';
import './cameras.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cameras'))('title') };
}

export const dynamic = 'force-dynamic';

/** Cameras: live thumbnails and status for everyone; add, edit, delete, Test connection and CSV import for operators. */
export default async function CamerasPage() {
  const t = await getTranslations('cameras');
  const user = await readSessionUser();
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      <CamerasScreen canEdit={user ? roleAtLeast(user.role, 'operator') : false} />
    </>
  );
}
