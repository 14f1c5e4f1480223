import type { Metadata } from 'next';
import Link from 'next/link';
import { roleAtLeast } from '@/lib/auth/roles';
import type { Algorithm } from '@/lib/contracts/algorithms';
import { getAppContext } from '@/server/app-context';
import { listAlgorithms } from '@/server/algorithms/register-algorithm';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';
import { readSessionUser } from '../../_lib/read-session-user';
import { RegisterManifestForm } from './_components/register-manifest-form';
import './algorithms.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('algorithms'))('title') };
}

/** The registry, one row per algorithm name with its versions (newest first), and registration for operators. */
export default async function AlgorithmsPage() {
  const user = await readSessionUser();
  const t = await getTranslations('algorithms');
  const common = await getTranslations('common');
  const byName = new Map<string, Algorithm[]>();
  for (const algorithm of await listAlgorithms(await getAppContext(), {})) byName.set(algorithm.name, [...(byName.get(algorithm.name) ?? []), algorithm]);
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : common('none'));
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      {byName.size === 0 ? <p className="panel-empty">{t('registry.empty')}</p> : null}
      {byName.size > 0 ? (
        <div className="table-scroll">
          <table className="data-table algorithm-registry">
            <caption className="visually-hidden">{t('registry.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.name')}</th>
                <th scope="col">{t('registry.versions')}</th>
                <th scope="col">{t('registry.labels')}</th>
                <th scope="col">{t('registry.roiTypes')}</th>
                <th scope="col">{t('registry.runsAs')}</th>
              </tr>
            </thead>
            <tbody>
              {[...byName].map(([name, versions]) => {
                const newest = versions[0]!.manifest;
                return (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      <ul className="version-list">
                        {versions.map((version) => (
                          <li key={version.id}>
                            <Link href={`/algorithms/${version.id}`} aria-label={t('registry.versionLink', { name, version: version.version })}>
                              {version.version}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{list(newest.labels)}</td>
                    <td>{list(newest.roiTypes)}</td>
                    <td className="cell-code">
                      {newest.image ? (
                        <div>
                          {t('registry.image')}: {newest.image}
                        </div>
                      ) : null}
                      {newest.command ? (
                        <div>
                          {t('registry.command')}: {newest.command.join(' ')}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {user && roleAtLeast(user.role, 'operator') ? <RegisterManifestForm /> : <p className="panel-hint">{t('register.needsOperator')}</p>}
    </>
  );
}
