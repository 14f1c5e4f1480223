import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Alarms' };

// Placeholder until this section is built; it states what will be here rather than showing sample data.
export default function AlarmsPage() {
  return <PageHeader title="Alarms">This page will show alarms raised by running pipelines, with their evidence images and clips, and let you acknowledge them.</PageHeader>;
}
