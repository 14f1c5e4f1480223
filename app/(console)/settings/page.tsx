import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Settings' };

// Placeholder until this section is built; it states what will be here rather than showing sample data.
export default function SettingsPage() {
  return <PageHeader title="Settings">This page will hold users, API tokens and platform configuration.</PageHeader>;
}
