import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Algorithms' };

// Placeholder until this section is built; it states what will be here rather than showing sample data.
export default function AlgorithmsPage() {
  return <PageHeader title="Algorithms">This page will list the installed algorithm packages and their deployments, and let you register new ones.</PageHeader>;
}
