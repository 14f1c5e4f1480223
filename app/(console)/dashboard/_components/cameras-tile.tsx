import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { cameraStatusValues, type CameraStatus, type Dashboard } from '@/lib/contracts/dashboard';
import { CountList, type Tone } from './count-list';

const tones: Record<CameraStatus, Tone> = { online: 'good', offline: 'bad', unknown: 'warn', unwatched: 'neutral', disabled: 'neutral' };

export function CamerasTile({ cameras }: { cameras: Dashboard['cameras'] }) {
  const t = useTranslations('dashboard.cameras');
  return (
    <section className="dashboard-tile" aria-labelledby="tile-cameras">
      <h2 id="tile-cameras" className="tile-title">
        {t('title')} <span className="tile-total">{t('total', { count: cameras.total })}</span>
      </h2>
      <CountList label={t('countsLabel')} items={cameraStatusValues.map((status) => ({ key: status, name: t(`status.${status}`), count: cameras.counts[status], tone: tones[status] }))} />
      {cameras.attention.length > 0 ? (
        <>
          <h3 className="panel-title">{t('attention')}</h3>
          <ul className="tile-list">
            {cameras.attention.map((camera) => (
              <li key={camera.id}>
                <span className={`state-badge tone-${tones[camera.status]}`}>{t(`status.${camera.status}`)}</span> {camera.name} <span className="tile-muted">— {t(`reason.${camera.reason}`)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : cameras.total > 0 ? (
        <p className="tile-muted">{t('allWell')}</p>
      ) : null}
      <p className="tile-hint">{t('howKnown')}</p>
      <Link href="/cameras">{t('manage')}</Link>
    </section>
  );
}
