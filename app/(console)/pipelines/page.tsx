import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Pipelines' };

// Placeholder until this section is built; it states what will be here rather than showing sample data.
export default function PipelinesPage() {
  return <PageHeader title="Pipelines">This page will list the analysis pipelines that connect cameras to algorithms, rules and alarm outputs, and open each one in the visual pipeline editor.</PageHeader>;
}
