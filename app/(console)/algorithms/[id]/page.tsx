import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { roleAtLeast } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getAppContext } from '@/server/app-context';
import { findAlgorithmUsage } from '@/server/algorithms/find-algorithm-usage';
import { getAlgorithm, listAlgorithms } from '@/server/algorithms/register-algorithm';
import { PageHeader } from '../../../_components/page-header';
import { getFormatter, getTranslations } from '../../../_i18n/server-i18n';
import { readSessionUser } from '../../../_lib/read-session-user';
import { InstancesPanel } from '../_components/instances-panel';
import '../algorithms.css';

export const dynamic = 'force-dynamic';

async function loadAlgorithm(id: string) {
  try {
    return await getAlgorithm(await getAppContext(), id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const algorithm = await loadAlgorithm((await params).id);
  return { title: `${algorithm.name} ${algorithm.version} · ${(await getTranslations('algorithms'))('title')}` };
}

/** One algorithm version: its manifest in short, where pipelines use it, and its running instances with recent output. */
export default async function AlgorithmVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const algorithm = await loadAlgorithm((await params).id);
  const app = await getAppContext();
  const [usage, siblings, user, t, common, format] = await Promise.all([
    findAlgorithmUsage(app.db, algorithm.id),
    listAlgorithms(app, { name: algorithm.name }),
    readSessionUser(),
    getTranslations('algorithms'),
    getTranslations('common'),
    getFormatter(),
  ]);
  const { manifest } = algorithm;
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : common('none'));
  const resources = Object.entries(manifest.resources).map(([key, value]) => `${key}: ${value}`);
  const others = siblings.filter((sibling) => sibling.id !== algorithm.id);
  return (
    <>
      <p className="algorithms-back">
        <Link href="/algorithms">← {t('detail.back')}</Link>
      </p>
      <PageHeader title={`${algorithm.name} ${algorithm.version}`}>{manifest.description || null}</PageHeader>
      <section aria-labelledby="algorithm-facts" className="algorithms-card">
        <h2 id="algorithm-facts">{t('detail.facts')}</h2>
        <dl className="algorithm-facts">
          <dt>{t('detail.labels')}</dt>
          <dd>{list(manifest.labels)}</dd>
          <dt>{t('detail.roiTypes')}</dt>
          <dd>{list(manifest.roiTypes)}</dd>
          <dt>{t('detail.image')}</dt>
          <dd className="cell-code">{manifest.image ?? common('none')}</dd>
          <dt>{t('detail.command')}</dt>
          <dd className="cell-code">{manifest.command?.join(' ') ?? common('none')}</dd>
          <dt>{t('detail.port')}</dt>
          <dd>{manifest.port}</dd>
          <dt>{t('detail.resources')}</dt>
          <dd>{list(resources)}</dd>
          <dt>{t('detail.trainable')}</dt>
          <dd>{manifest.trainable ? common('yes') : common('no')}</dd>
          <dt>{t('detail.registeredAt')}</dt>
          <dd>{format.dateTime(new Date(algorithm.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          {others.length > 0 ? (
            <>
              <dt>{t('detail.otherVersions')}</dt>
              <dd>
                {others.map((other, index) => (
                  <span key={other.id}>
                    {index > 0 ? ', ' : null}
                    <Link href={`/algorithms/${other.id}`}>{other.version}</Link>
                  </span>
                ))}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      <section aria-labelledby="algorithm-usage" className="algorithms-card">
        <h2 id="algorithm-usage">{t('usage.title')}</h2>
        {usage.length === 0 ? (
          <p className="panel-empty">{t('usage.empty')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('usage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usage.pipeline')}</th>
                <th scope="col">{t('usage.state')}</th>
                <th scope="col">{t('usage.revisions')}</th>
              </tr>
            </thead>
            <tbody>
              {usage.map((pipeline) => (
                <tr key={pipeline.pipelineId}>
                  <td>
                    <Link href={`/pipelines/${pipeline.pipelineId}`}>{pipeline.name}</Link>
                  </td>
                  <td>{pipeline.desiredState === 'running' ? t('usage.running') : t('usage.stopped')}</td>
                  <td>
                    {pipeline.revisions
                      .map((revision) => {
                        const marks = [revision === pipeline.latestRevision ? t('usage.latest') : null, revision === pipeline.deployedRevision && pipeline.desiredState === 'running' ? t('usage.deployed') : null].filter(Boolean);
                        return `${t('usage.revision', { revision: String(revision) })}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
                      })
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <InstancesPanel algorithmId={algorithm.id} showsLogs={user !== undefined && roleAtLeast(user.role, 'operator')} />
    </>
  );
}
