import type { Metadata } from 'next';
import { PageHeader } from '../../_components/page-header';
import { PipelineList } from './pipeline-list';

export const metadata: Metadata = { title: 'Pipelines' };

export default function PipelinesPage() {
  return (
    <>
      <PageHeader title="Pipelines">Analysis pipelines connect cameras to algorithms, regions, rules and alarm outputs. Open one to edit it in the visual builder.</PageHeader>
      <PipelineList />
    </>
  );
}
