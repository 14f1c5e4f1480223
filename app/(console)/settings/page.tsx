import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('settings'))('title') };
}

// The section's frame: its title and what it holds, in the user's language; its content is being built (issue 8).
export default async function SettingsPage() {
  const t = await getTranslations('settings');
  return <PageHeader title={t('title')}>{t('lede')}</PageHeader>;
}
