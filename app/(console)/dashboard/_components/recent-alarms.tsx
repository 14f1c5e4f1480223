import Link from 'next/link';
import { useFormatter, useTranslations } from 'use-intl';
import type { RecentAlarm } from '@/lib/contracts/dashboard';

export function RecentAlarms({ alarms }: { alarms: RecentAlarm[] }) {
  const t = useTranslations('dashboard.recent');
  const format = useFormatter();
  return (
    <section className="dashboard-tile dashboard-recent" aria-labelledby="tile-recent">
      <h2 id="tile-recent" className="tile-title">
        {t('title')}
      </h2>
      {alarms.length === 0 ? (
        <p className="tile-muted">{t('none')}</p>
      ) : (
        <table className="data-table recent-table">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('type')}</th>
              <th scope="col">{t('camera')}</th>
              <th scope="col">{t('pipeline')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {alarms.map((alarm) => {
              const time = format.dateTime(new Date(alarm.startedAt), { dateStyle: 'short', timeStyle: 'medium' });
              const camera = alarm.camera.name ?? t('deleted', { id: alarm.camera.id });
              return (
                <tr key={alarm.id} data-alarm-id={alarm.id}>
                  <td>
                    <time dateTime={alarm.startedAt}>{time}</time>
                  </td>
                  <td>{alarm.type}</td>
                  <td>{camera}</td>
                  <td>{alarm.pipeline.name ?? t('deleted', { id: alarm.pipeline.id })}</td>
                  <td>{t(`states.${alarm.state}`)}</td>
                  <td>
                    <Link href={`/alarms?id=${encodeURIComponent(alarm.id)}`} aria-label={t('openLabel', { type: alarm.type, camera, time })}>
                      {t('open')}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Link href="/alarms">{t('all')}</Link>
    </section>
  );
}
