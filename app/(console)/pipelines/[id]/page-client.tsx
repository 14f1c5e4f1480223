'use client';

import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { PageHeader } from '@/app/_components/page-header';
import { PipelineEditor } from './_components/pipeline-editor';
import { renderText, type CanvasText } from './_lib/canvas-text';
import { failureText } from './_hooks/use-editor-status';
import { pipelineApi, type PipelineWithGraph } from './_lib/pipeline-api';

type Loaded = { status: 'loading' } | { status: 'ready'; pipeline: PipelineWithGraph } | { status: 'error'; message: CanvasText };

/** Loads the pipeline's latest revision, then hands it to the editor (which owns all later state). */
export function PipelinePageClient({ pipelineId }: { pipelineId: string }) {
  const t = useTranslations('canvas');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    pipelineApi
      .load(pipelineId)
      .then((pipeline) => live && setLoaded({ status: 'ready', pipeline }))
      .catch((failure: unknown) => live && setLoaded({ status: 'error', message: failureText(failure) }));
    return () => {
      live = false;
    };
  }, [pipelineId]);

  if (loaded.status === 'loading') return <p className="panel-hint">{t('loading')}</p>;
  if (loaded.status === 'error') {
    return (
      <>
        <PageHeader title={t('loadFailedTitle')} />
        <div className="alert-error" role="alert">
          {renderText(t, loaded.message)}
        </div>
        <Link href="/pipelines">{t('backToPipelines')}</Link>
      </>
    );
  }
  return (
    <ReactFlowProvider>
      <PipelineEditor pipeline={loaded.pipeline} />
    </ReactFlowProvider>
  );
}
