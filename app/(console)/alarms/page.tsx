import type { Metadata } from 'next';
import { alarmExportMaxRows, type Alarm } from '@/lib/contracts/alarms';
import type { Delivery } from '@/lib/contracts/deliveries';
import { roleAtLeast } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { getAppContext } from '@/server/app-context';
import { getAlarm, listAlarms } from '@/server/alarms/list-alarms';
import { listCameras } from '@/server/cameras/get-camera';
import { listDeliveries } from '@/server/deliveries/list-deliveries';
import { listPipelines } from '@/server/pipelines/get-pipeline';
import { PageHeader } from '../../_components/page-header';
import { getTranslations } from '../../_i18n/server-i18n';
import { readSessionUser } from '../../_lib/read-session-user';
import { AlarmDetail } from './alarm-detail';
import { alarmFiltersToQuery, parseAlarmFilters } from './alarm-filters';
import { AlarmList } from './alarm-list';
import './alarms.css';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('alarms'))('title') };
}

export const dynamic = 'force-dynamic';

const pageSize = 50;

type SearchParams = Record<string, string | string[] | undefined>;

/** /alarms: the live, filtered list; /alarms?id=<alarm> (what other pages link to): one alarm in detail. */
export default async function AlarmsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const t = await getTranslations('alarms');
  const user = await readSessionUser();
  const canOperate = user ? roleAtLeast(user.role, 'operator') : false;
  const filters = parseAlarmFilters(params);
  const query = alarmFiltersToQuery(filters);
  const app = await getAppContext();
  const id = typeof params.id === 'string' ? params.id.slice(0, 100) : undefined;

  if (id) {
    let alarm: Alarm | undefined;
    try {
      alarm = await getAlarm(app, id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
    const deliveries: Delivery[] = alarm ? await listDeliveries(app, { alarmId: id, limit: 50 }) : [];
    return (
      <>
        <p className="alarm-back">
          <a href={query ? `/alarms?${query}` : '/alarms'}>← {t('detail.back')}</a>
        </p>
        {alarm ? (
          <AlarmDetail key={alarm.id} initialAlarm={alarm} initialDeliveries={deliveries} canOperate={canOperate} />
        ) : (
          <>
            <PageHeader title={t('title')} />
            <p role="alert" className="alert-error">
              {t('detail.notFound', { id })}
            </p>
          </>
        )}
      </>
    );
  }

  const [page, cameras, pipelines] = await Promise.all([listAlarms(app, { ...filters, limit: pageSize }), listCameras(app), listPipelines(app)]);
  return (
    <>
      <PageHeader title={t('title')}>{t('lede')}</PageHeader>
      <AlarmList
        key={query}
        filters={filters}
        initialPage={page}
        pageSize={pageSize}
        exportMaxRows={alarmExportMaxRows}
        cameras={cameras.map((camera) => ({ id: camera.id, name: camera.name }))}
        pipelines={pipelines.map((pipeline) => ({ id: pipeline.id, name: pipeline.name }))}
      />
    </>
  );
}
