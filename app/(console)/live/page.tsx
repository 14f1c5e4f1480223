import type { Metadata } from 'next';
import Link from 'next/link';
import { restreamPath } from '@/lib/media/stream-paths';
import { getAppContext } from '@/server/app-context';
import { listCameras } from '@/server/cameras/get-camera';
import { getPipelineRevision, listPipelines } from '@/server/pipelines/get-pipeline';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';
import { LiveGrid } from './_components/live-grid';
import { restreamCameraIds, type LiveTile } from './_lib/restream-tiles';
import './live.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('live'))('title') };
}

export const dynamic = 'force-dynamic';

/** Every running pipeline × camera whose video reaches an Annotated restream output, at the deployed revision. */
async function readTiles(): Promise<LiveTile[]> {
  const app = await getAppContext();
  const [pipelines, cameras] = await Promise.all([listPipelines(app), listCameras(app)]);
  const cameraNames = new Map(cameras.map((camera) => [camera.id, camera.name]));
  const tiles: LiveTile[] = [];
  for (const pipeline of pipelines.filter((candidate) => candidate.desiredState === 'running')) {
    const revision = await getPipelineRevision(app, pipeline.id, pipeline.deployedRevision ?? pipeline.latestRevision);
    for (const cameraId of restreamCameraIds(revision.graph)) {
      tiles.push({ path: restreamPath(pipeline.id, cameraId), pipelineId: pipeline.id, pipelineName: pipeline.name, cameraId, cameraName: cameraNames.get(cameraId) ?? cameraId });
    }
  }
  return tiles;
}

export default async function LivePage() {
  const t = await getTranslations('live');
  let tiles: LiveTile[] = [];
  let problem: string | undefined;
  try {
    tiles = await readTiles();
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      {problem ? (
        <p className="alert-error" role="alert">
          {t('loadFailed', { message: problem })}
        </p>
      ) : null}
      {!problem && tiles.length === 0 ? (
        <p className="panel-hint">
          {t('empty')} <Link href="/pipelines">{t('openPipelines')}</Link>
        </p>
      ) : null}
      {tiles.length > 0 ? <LiveGrid tiles={tiles} /> : null}
    </>
  );
}
