'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { Alarm, AlarmEvent } from '@/lib/contracts/alarms';
import { apiFetch, ApiError } from '../../_lib/api-fetch';
import { alarmFiltersToQuery, fromDateTimeLocal, matchesAlarmFilters, toDateTimeLocal, type AlarmFilterState } from './alarm-filters';
import { playAlarmTone, unlockAlarmTone } from './alarm-tone';
import { useAlarmFeed } from './use-alarm-feed';

interface Option {
  id: string;
  name: string;
}

const soundKey = 'vigil.alarms.sound';

export function AlarmList(props: {
  filters: AlarmFilterState;
  initialPage: { items: Alarm[]; nextCursor: string | null };
  pageSize: number;
  exportMaxRows: number;
  cameras: Option[];
  pipelines: Option[];
}) {
  const { filters, pageSize } = props;
  const t = useTranslations('alarms');
  const format = useFormatter();
  const router = useRouter();
  const [items, setItems] = useState(props.initialPage.items);
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);
  const [cursor, setCursor] = useState(props.initialPage.nextCursor);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [arrived, setArrived] = useState(0);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [sound, setSound] = useState(false);
  const soundRef = useRef(false);
  const query = alarmFiltersToQuery(filters);
  const formId = useId();

  useEffect(() => {
    // Read after hydration: the server cannot know what this browser remembered.
    const remembered = window.localStorage.getItem(soundKey) === 'on';
    soundRef.current = remembered;
    if (remembered) setSound(true);
  }, []);

  const onEvent = useCallback(
    (event: AlarmEvent) => {
      void apiFetch<Alarm>(`/api/v1/alarms/${encodeURIComponent(event.id)}`)
        .then((alarm) => {
          if (!matchesAlarmFilters(alarm, filters)) return;
          const isNew = !itemsRef.current.some((item) => item.id === alarm.id);
          setItems((current) =>
            current.some((item) => item.id === alarm.id)
              ? current.map((item) => (item.id === alarm.id ? alarm : item))
              : [alarm, ...current].sort((a, b) => (a.startedAt === b.startedAt ? b.id.localeCompare(a.id) : b.startedAt.localeCompare(a.startedAt))),
          );
          if (isNew) {
            setFresh((current) => new Set(current).add(alarm.id));
            setArrived((count) => count + 1);
            if (soundRef.current) playAlarmTone();
          }
        })
        .catch(() => undefined); // Gone already (retention) or the session ended: the next reload tells.
    },
    [filters],
  );
  const feed = useAlarmFeed(onEvent);

  async function loadMore() {
    if (!cursor) return;
    setLoading(true);
    setProblem(undefined);
    try {
      const page = await apiFetch<{ items: Alarm[]; nextCursor: string | null }>(`/api/v1/alarms?${alarmFiltersToQuery(filters, { limit: String(pageSize), cursor })}`);
      setItems((current) => [...current, ...page.items.filter((alarm) => !current.some((item) => item.id === alarm.id))]);
      setCursor(page.nextCursor);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  }

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const next: AlarmFilterState = {
      cameraId: text('cameraId'),
      pipelineId: text('pipelineId'),
      type: text('type'),
      status: text('status') as AlarmFilterState['status'],
      label: text('label') as AlarmFilterState['label'],
      from: fromDateTimeLocal(text('from') ?? ''),
      to: fromDateTimeLocal(text('to') ?? ''),
    };
    const nextQuery = alarmFiltersToQuery(next);
    router.push(nextQuery ? `/alarms?${nextQuery}` : '/alarms');
  }

  function toggleSound(on: boolean) {
    setSound(on);
    soundRef.current = on;
    window.localStorage.setItem(soundKey, on ? 'on' : 'off');
    if (on) unlockAlarmTone();
  }

  const types = [...new Set([...items.map((alarm) => alarm.type), ...(filters.type ? [filters.type] : [])])].sort();
  const nameOf = (options: Option[], id: string, fallback: string) => options.find((option) => option.id === id)?.name ?? fallback;
  const withCurrent = (options: Option[], id: string | undefined) => (id && !options.some((option) => option.id === id) ? [...options, { id, name: id }] : options);

  return (
    <div className="alarms-page">
      <form className="alarm-filters" aria-label={t('filters.legend')} onSubmit={applyFilters} id={formId}>
        <div className="field">
          <label htmlFor={`${formId}-camera`}>{t('filters.camera')}</label>
          <select id={`${formId}-camera`} name="cameraId" defaultValue={filters.cameraId ?? ''}>
            <option value="">{t('filters.any')}</option>
            {withCurrent(props.cameras, filters.cameraId).map((camera) => (
              <option key={camera.id} value={camera.id}>
                {camera.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-pipeline`}>{t('filters.pipeline')}</label>
          <select id={`${formId}-pipeline`} name="pipelineId" defaultValue={filters.pipelineId ?? ''}>
            <option value="">{t('filters.any')}</option>
            {withCurrent(props.pipelines, filters.pipelineId).map((pipeline) => (
              <option key={pipeline.id} value={pipeline.id}>
                {pipeline.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-type`}>{t('filters.type')}</label>
          <input id={`${formId}-type`} name="type" defaultValue={filters.type ?? ''} placeholder={t('filters.typePlaceholder')} list={`${formId}-types`} maxLength={100} />
          <datalist id={`${formId}-types`}>
            {types.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-status`}>{t('filters.status')}</label>
          <select id={`${formId}-status`} name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('filters.any')}</option>
            <option value="open">{t('filters.open')}</option>
            <option value="closed">{t('filters.closed')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-label`}>{t('filters.label')}</label>
          <select id={`${formId}-label`} name="label" defaultValue={filters.label ?? ''}>
            <option value="">{t('filters.any')}</option>
            <option value="none">{t('filters.unlabelled')}</option>
            <option value="true">{t('filters.labelTrue')}</option>
            <option value="false">{t('filters.labelFalse')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-from`}>{t('filters.from')}</label>
          <input id={`${formId}-from`} name="from" type="datetime-local" defaultValue={toDateTimeLocal(filters.from)} />
        </div>
        <div className="field">
          <label htmlFor={`${formId}-to`}>{t('filters.to')}</label>
          <input id={`${formId}-to`} name="to" type="datetime-local" defaultValue={toDateTimeLocal(filters.to)} />
        </div>
        <div className="alarm-filter-actions">
          <button type="submit" className="button button-small">
            {t('filters.apply')}
          </button>
          <a className="button button-quiet button-small" href="/alarms">
            {t('filters.reset')}
          </a>
        </div>
      </form>

      <div className="alarm-toolbar">
        <p className={`alarm-feed alarm-feed-${feed.kind}`} role="status">
          <span className="alarm-feed-dot" aria-hidden="true" />
          {feed.kind === 'live' ? t('live.live') : feed.kind === 'connecting' ? t('live.connecting') : t('live.reconnecting', { seconds: feed.seconds })}
        </p>
        <label className="alarm-sound">
          <input type="checkbox" checked={sound} onChange={(event) => toggleSound(event.target.checked)} />
          {t('live.sound')}
        </label>
        <span className="alarm-count">{t('list.count', { count: items.length })}</span>
        <a className="button button-quiet button-small" href={`/api/v1/alarms/export.csv${query ? `?${query}` : ''}`} download title={t('list.exportHint', { max: format.number(props.exportMaxRows) })}>
          {t('list.exportCsv')}
        </a>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {arrived > 0 ? t('live.newArrived', { count: arrived }) : ''}
      </p>

      {problem ? (
        <p role="alert" className="alert-error">
          {t('list.loadFailed', { message: problem })}
        </p>
      ) : null}

      {items.length === 0 ? (
        <p className="panel-empty">{t('list.empty')}</p>
      ) : (
        <table className="data-table alarm-table">
          <caption className="visually-hidden">{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.started')}</th>
              <th scope="col">{t('list.camera')}</th>
              <th scope="col">{t('list.pipeline')}</th>
              <th scope="col">{t('list.type')}</th>
              <th scope="col">{t('list.objects')}</th>
              <th scope="col">{t('list.state')}</th>
              <th scope="col">{t('list.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((alarm) => {
              const top = [...alarm.event.objects].sort((a, b) => b.score - a.score)[0];
              const href = `/alarms?${alarmFiltersToQuery(filters, { id: alarm.id })}`;
              return (
                <tr key={alarm.id} className={fresh.has(alarm.id) ? 'alarm-row-new' : undefined} data-alarm-id={alarm.id}>
                  <td>
                    {/* The visible time stays part of the link's name (WCAG 2.5.3: label in name); the rest is for screen readers. */}
                    <a href={href}>
                      {format.dateTime(new Date(alarm.startedAt), { dateStyle: 'medium', timeStyle: 'medium' })}
                      <span className="visually-hidden"> {t('list.open', { id: alarm.id })}</span>
                    </a>
                  </td>
                  <td>{nameOf(props.cameras, alarm.cameraId, alarm.event.camera.name)}</td>
                  <td>{nameOf(props.pipelines, alarm.pipelineId, alarm.event.pipeline.name)}</td>
                  <td>{alarm.type}</td>
                  <td>{top ? t('list.topObject', { label: top.label, score: format.number(top.score, { style: 'percent' }) }) : '—'}</td>
                  <td>
                    <span className={`state-badge alarm-state-${alarm.state}`}>{t(`states.${alarm.state}`)}</span>
                  </td>
                  <td>
                    <span className={`state-badge alarm-verdict-${alarm.label ?? 'none'}`}>{t(`verdicts.${alarm.label ?? 'none'}`)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="alarm-more">
        {cursor ? (
          <button type="button" className="button button-quiet" onClick={() => void loadMore()} disabled={loading}>
            {loading ? t('list.loading') : t('list.loadMore')}
          </button>
        ) : items.length > 0 ? (
          <p className="panel-hint">{t('list.end')}</p>
        ) : null}
      </div>
    </div>
  );
}
