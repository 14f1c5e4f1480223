import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getAppContext } from '@/server/app-context';
import { getPipeline } from '@/server/pipelines/get-pipeline';
import { listStreams } from '@/server/streams/list-streams';
import { FlvPlayer } from '../../../../_components/flv-player';
import { PageHeader } from '../../../../_components/page-header';
import { getTranslations } from '../../../../_i18n/server-i18n';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('pipelines'))('live.title') };
}
export const dynamic = 'force-dynamic';

/** The annotated restreams of one deployed pipeline, one player per camera, played over HTTP-FLV. */
export default async function PipelineLivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const t = await getTranslations('pipelines.live');
  const app = await getAppContext();
  const pipeline = await getPipeline(app, id);
  const host = (await headers()).get('host') ?? 'localhost';
  let problem: string | undefined;
  let streams: { path: string; url: string }[] = [];
  try {
    const listed = await listStreams(app, new URL(`http://${host}/`));
    streams = listed.items.filter((item) => item.path.startsWith(`/live/${id}_`) && item.urls).map((item) => ({ path: item.path, url: item.urls!.flv }));
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return (
    <>
      <PageHeader title={t('heading', { name: pipeline.name })}>
        {t('lede')} <Link href={`/pipelines/${id}`}>{t('backToCanvas')}</Link>
      </PageHeader>
      {problem ? <p role="alert">{t('mediaServerDown', { message: problem })}</p> : null}
      {!problem && streams.length === 0 ? <p>{t('noStream')}</p> : null}
      <div className="live-grid">
        {streams.map((stream) => (
          <FlvPlayer key={stream.path} url={stream.url} label={t('stream', { name: stream.path.replace(`/live/${id}_`, '') })} />
        ))}
      </div>
    </>
  );
}
