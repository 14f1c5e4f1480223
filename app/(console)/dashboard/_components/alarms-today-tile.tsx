import { useFormatter, useTranslations } from 'use-intl';
import type { Dashboard } from '@/lib/contracts/dashboard';
import { CountList } from './count-list';

export function AlarmsTodayTile({ today }: { today: Dashboard['alarms']['today'] }) {
  const t = useTranslations('dashboard.alarmsToday');
  const format = useFormatter();
  const most = Math.max(1, ...today.byType.map((row) => row.count));
  return (
    <section className="dashboard-tile" aria-labelledby="tile-alarms-today">
      <h2 id="tile-alarms-today" className="tile-title">
        {t('title')} <span className="tile-total">{t('total', { count: today.total })}</span>
      </h2>
      <p className="tile-muted">{t('since', { time: format.dateTime(new Date(today.since), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      <CountList
        label={t('byVerdict')}
        items={[
          { key: 'true', name: t('verdict.true'), count: today.byVerdict.true, tone: 'bad' },
          { key: 'false', name: t('verdict.false'), count: today.byVerdict.false, tone: 'good' },
          { key: 'unlabelled', name: t('verdict.unlabelled'), count: today.byVerdict.unlabelled, tone: 'neutral' },
        ]}
      />
      {today.byType.length === 0 ? (
        <p className="tile-muted">{t('none')}</p>
      ) : (
        <dl className="type-bars tile-scroll" aria-label={t('byType')}>
          {today.byType.map((row) => (
            <div key={row.type} className="type-bar" data-type={row.type}>
              <dt>{row.type}</dt>
              <dd>
                <span className="type-bar-fill" style={{ width: `${(row.count / most) * 100}%` }} aria-hidden="true" />
                <span className="type-bar-count">{format.number(row.count)}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
