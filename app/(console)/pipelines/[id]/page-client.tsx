'use client';

import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { PageHeader } from '@/app/_components/page-header';
import { PipelineEditor } from './_components/pipeline-editor';
import { pipelineApi, type PipelineWithGraph } from './_lib/pipeline-api';

type Loaded = { status: 'loading' } | { status: 'ready'; pipeline: PipelineWithGraph } | { status: 'error'; message: string };

/** Loads the pipeline's latest revision, then hands it to the editor (which owns all later state). */
export function PipelinePageClient({ pipelineId }: { pipelineId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    pipelineApi
      .load(pipelineId)
      .then((pipeline) => live && setLoaded({ status: 'ready', pipeline }))
      .catch((failure: unknown) => live && setLoaded({ status: 'error', message: failure instanceof Error ? failure.message : String(failure) }));
    return () => {
      live = false;
    };
  }, [pipelineId]);

  if (loaded.status === 'loading') return <p className="panel-hint">Loading the pipeline…</p>;
  if (loaded.status === 'error') {
    return (
      <>
        <PageHeader title="Pipeline" />
        <div className="alert-error" role="alert">
          {loaded.message}
        </div>
        <Link href="/pipelines">Back to pipelines</Link>
      </>
    );
  }
  return (
    <ReactFlowProvider>
      <PipelineEditor pipeline={loaded.pipeline} />
    </ReactFlowProvider>
  );
}
