import type { Metadata } from 'next';
import { getTranslations } from '@/app/_i18n/server-i18n';
import { PipelinePageClient } from './page-client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('canvas'))('title') };
}

export default async function PipelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PipelinePageClient pipelineId={id} />;
}
