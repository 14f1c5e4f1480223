import type { Metadata } from 'next';
import { PipelinePageClient } from './page-client';

export const metadata: Metadata = { title: 'Pipeline editor' };

export default async function PipelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PipelinePageClient pipelineId={id} />;
}
