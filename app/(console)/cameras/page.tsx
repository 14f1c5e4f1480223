import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';

export const metadata: Metadata = { title: 'Cameras' };

// Placeholder until this section is built; it states what will be here rather than showing sample data.
export default function CamerasPage() {
  return <PageHeader title="Cameras">This page will list the video sources (RTSP, RTMP and files) with their status and snapshots, and let you add cameras and draw regions of interest.</PageHeader>;
}
