'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { Alarm } from '@/lib/contracts/alarms';
import { apiFetch } from '@/app/_lib/api-fetch';
import { ModalDialog } from '../../cameras/_components/modal-dialog';
import type { LiveTile } from '../_lib/restream-tiles';
import { TilePlayer } from './tile-player';
import type { TileState } from './use-stream-status';

const alarmsRefreshMs = 10_000;

/** The larger view of one tile: its stream and the camera's latest alarms (refreshed), each linking to the alarm page. */
export function CameraDetail({ tile, state, onClose }: { tile: LiveTile; state: TileState; onClose: () => void }) {
  const t = useTranslations('live');
  const format = useFormatter();
  const [alarms, setAlarms] = useState<Alarm[]>();
  const [alarmsError, setAlarmsError] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const names = { camera: tile.cameraName, pipeline: tile.pipelineName };

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const page = await apiFetch<{ items: Alarm[] }>(`/api/v1/alarms?cameraId=${encodeURIComponent(tile.cameraId)}&limit=20`);
        if (!stopped) {
          setAlarms(page.items);
          setAlarmsError(undefined);
        }
      } catch (error) {
        if (!stopped) setAlarmsError(error instanceof Error ? error.message : String(error));
      }
      if (!stopped) timer = setTimeout(() => void load(), alarmsRefreshMs);
    };
    void load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tile.cameraId]);

  return (
    <ModalDialog title={t('detail.title', names)} onClose={onClose} className="live-detail">
      <div className="live-detail-body">
        <div className="live-detail-screen">
          {state.kind === 'playable' ? <TilePlayer key={`${state.url}@${state.since}`} url={state.url} label={t('tile.video', names)} onProblem={setProblem} /> : null}
          {state.kind !== 'playable' || problem ? <p className="live-tile-status">{problem ?? (state.kind === 'mediaDown' ? t('status.mediaDown', { message: state.message }) : state.kind === 'reconnecting' ? t('status.reconnecting') : t('status.noData'))}</p> : null}
        </div>
        <section className="live-detail-alarms" aria-labelledby="live-detail-alarms-title">
          <h3 id="live-detail-alarms-title" className="panel-title">
            {t('detail.alarmsTitle')}
          </h3>
          {alarmsError ? <p role="alert" className="alert-error">{t('detail.alarmsFailed', { message: alarmsError })}</p> : null}
          {!alarms && !alarmsError ? <p className="panel-hint">{t('detail.alarmsLoading')}</p> : null}
          {alarms?.length === 0 ? <p className="panel-hint">{t('detail.alarmsEmpty')}</p> : null}
          {alarms && alarms.length > 0 ? (
            <ul className="live-alarm-list">
              {alarms.map((alarm) => {
                const time = format.dateTime(new Date(alarm.startedAt), { dateStyle: 'short', timeStyle: 'medium' });
                return (
                  <li key={alarm.id} className={`live-alarm live-alarm-${alarm.state === 'end' ? 'ended' : 'active'}`}>
                    <Link href={`/alarms?id=${encodeURIComponent(alarm.id)}`} aria-label={t('detail.openAlarm', { type: alarm.type, time })}>
                      {alarm.type}
                    </Link>
                    <span className="live-alarm-meta">
                      {time} · {t(`detail.states.${alarm.state}`)} · {t('detail.objects', { count: alarm.event.objects.length })} · {t(`detail.labels.${alarm.label ?? 'none'}`)}
                    </span>
                  </li>
                );
              })}
            </ul>
          ) : null}
          <Link href={`/alarms?cameraId=${encodeURIComponent(tile.cameraId)}`}>{t('detail.allAlarms')}</Link>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
