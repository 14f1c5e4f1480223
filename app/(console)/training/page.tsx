import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Training' };

// Placeholder until this section is built; it states what will be here rather than showing sample data.
export default function TrainingPage() {
  return <PageHeader title="Training">This page will list training and federated-learning jobs and their progress.</PageHeader>;
}
