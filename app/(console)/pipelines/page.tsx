import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';
import { PipelineList } from './pipeline-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pipelines'))('title') };
}

export default async function PipelinesPage() {
  const t = await getTranslations('pipelines');
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      <PipelineList />
    </>
  );
}
