'use client';

import { useFormatter, useTranslations } from 'use-intl';
import type { Dashboard } from '@/lib/contracts/dashboard';
import { AlarmsTodayTile } from './alarms-today-tile';
import { CamerasTile } from './cameras-tile';
import { HealthTile } from './health-tile';
import { PipelinesTile } from './pipelines-tile';
import { RecentAlarms } from './recent-alarms';
import { useDashboard } from './use-dashboard';

export function DashboardView({ initial }: { initial: Dashboard | null }) {
  const t = useTranslations('dashboard.refresh');
  const format = useFormatter();
  const { data, error, live, refresh } = useDashboard(initial);
  return (
    <div className="dashboard">
      <div className="dashboard-bar">
        <p className="dashboard-updated">
          {data ? t('updated', { time: format.dateTime(new Date(data.generatedAt), { timeStyle: 'medium' }) }) : null} <span className="dashboard-mode">{live ? t('live') : t('polling')}</span>
        </p>
        <button type="button" className="button button-quiet button-small" onClick={refresh}>
          {t('button')}
        </button>
      </div>
      {error ? (
        <p className="alert-error" role="alert">
          {t('failed', { message: error })}
        </p>
      ) : null}
      {data ? (
        <>
          <div className="dashboard-tiles">
            <CamerasTile cameras={data.cameras} />
            <PipelinesTile pipelines={data.pipelines} />
            <AlarmsTodayTile today={data.alarms.today} />
          </div>
          <div className="dashboard-lower">
            <HealthTile health={data.health} />
            <RecentAlarms alarms={data.alarms.recent} />
          </div>
        </>
      ) : null}
    </div>
  );
}
