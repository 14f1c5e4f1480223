'use client';

import { useId, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { Alarm } from '@/lib/contracts/alarms';
import type { Delivery } from '@/lib/contracts/deliveries';
import { apiFetch, ApiError } from '../../_lib/api-fetch';
import { boxToPercent } from './box-geometry';

type Notice = { kind: 'ok' | 'error'; text: string };

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

/** One alarm: snapshot with its detections outlined, facts, the operator's verdict, the event JSON and its callback deliveries. */
export function AlarmDetail({ initialAlarm, initialDeliveries, canOperate }: { initialAlarm: Alarm; initialDeliveries: Delivery[]; canOperate: boolean }) {
  const t = useTranslations('alarms');
  const format = useFormatter();
  const [alarm, setAlarm] = useState(initialAlarm);
  const [deliveries, setDeliveries] = useState(initialDeliveries);
  const [busy, setBusy] = useState<string>();
  const [labelNotice, setLabelNotice] = useState<Notice>();
  const [copyNotice, setCopyNotice] = useState<Notice>();
  const [deliveryNotice, setDeliveryNotice] = useState<Notice>();
  const [imageSize, setImageSize] = useState<{ width: number; height: number } | undefined>(alarm.event.snapshot ? { width: alarm.event.snapshot.width, height: alarm.event.snapshot.height } : undefined);
  const [imageFailed, setImageFailed] = useState(false);
  const headingId = useId();
  const event = alarm.event;
  const json = JSON.stringify(event, null, 2);
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' }) : '—');
  const percent = (score: number) => format.number(score, { style: 'percent', maximumFractionDigits: 1 });

  async function setLabel(label: 'true' | 'false' | null) {
    setBusy(`label:${label}`);
    setLabelNotice(undefined);
    try {
      const updated = await apiFetch<Alarm>(`/api/v1/alarms/${encodeURIComponent(alarm.id)}/label`, { method: 'PUT', json: { label } });
      setAlarm(updated);
      setLabelNotice({ kind: 'ok', text: label === null ? t('detail.labelCleared') : t('detail.labelSaved') });
    } catch (error) {
      setLabelNotice({ kind: 'error', text: t('detail.actionFailed', { message: messageOf(error) }) });
    } finally {
      setBusy(undefined);
    }
  }

  async function copyJson() {
    try {
      await navigator.clipboard.writeText(json);
      setCopyNotice({ kind: 'ok', text: t('detail.copied') });
    } catch {
      setCopyNotice({ kind: 'error', text: t('detail.copyFailed') });
    }
  }

  async function refreshDeliveries() {
    const page = await apiFetch<{ items: Delivery[] }>(`/api/v1/deliveries?alarmId=${encodeURIComponent(alarm.id)}&limit=50`);
    setDeliveries(page.items);
  }

  async function redrive(delivery: Delivery) {
    setBusy(`redrive:${delivery.id}`);
    setDeliveryNotice(undefined);
    try {
      await apiFetch(`/api/v1/deliveries/${encodeURIComponent(delivery.id)}/redrive`, { method: 'POST', json: {} });
      setDeliveryNotice({ kind: 'ok', text: t('deliveries.redriven') });
      await refreshDeliveries();
    } catch (error) {
      setDeliveryNotice({ kind: 'error', text: t('detail.actionFailed', { message: messageOf(error) }) });
    } finally {
      setBusy(undefined);
    }
  }

  const verdictText = alarm.label
    ? t('detail.labelledBy', { verdict: t(`verdicts.${alarm.label}`), user: alarm.labeledBy?.username ?? t('detail.unknownUser'), time: when(alarm.labeledAt) })
    : t('verdicts.none');

  return (
    <article className="alarm-detail" aria-labelledby={headingId}>
      <header className="page-header">
        <h1 id={headingId}>{t('detail.heading', { id: alarm.id })}</h1>
        <p className="page-lede">
          {event.camera.name} · {alarm.type} · {when(alarm.startedAt)}
        </p>
      </header>

      <div className="alarm-detail-grid">
        <section className="alarm-snapshot-panel" aria-label={t('detail.snapshot')}>
          <h2 className="panel-title">{t('detail.snapshot')}</h2>
          {event.snapshot && !imageFailed ? (
            <figure className="alarm-snapshot">
              <div className="alarm-snapshot-frame">
                <img
                  src={event.snapshot.url}
                  alt={t('detail.snapshotAlt', { id: alarm.id, count: event.objects.length })}
                  onLoad={(loaded) => {
                    const image = loaded.currentTarget;
                    if (!imageSize && image.naturalWidth > 0) setImageSize({ width: image.naturalWidth, height: image.naturalHeight });
                  }}
                  onError={() => setImageFailed(true)}
                />
                {imageSize
                  ? event.objects.map((object, index) => {
                      const box = boxToPercent(object.box, imageSize);
                      if (!box) return null;
                      return (
                        <div key={index} className="alarm-box" data-testid="detection-box" style={{ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` }} aria-hidden="true">
                          <span className="alarm-box-label">{t('detail.boxLabel', { label: object.label, score: percent(object.score) })}</span>
                        </div>
                      );
                    })
                  : null}
              </div>
            </figure>
          ) : (
            <p className="panel-empty">{imageFailed ? t('detail.snapshotFailed') : t('detail.noSnapshot')}</p>
          )}
          <h3 className="panel-title">{t('detail.objects')}</h3>
          {event.objects.length === 0 ? (
            <p className="panel-empty">{t('detail.noObjects')}</p>
          ) : (
            <ul className="alarm-objects">
              {event.objects.map((object, index) => (
                <li key={index}>{t('detail.boxLabel', { label: object.label, score: percent(object.score) })}</li>
              ))}
            </ul>
          )}
        </section>

        <section className="alarm-facts-panel" aria-label={t('detail.facts')}>
          <h2 className="panel-title">{t('detail.facts')}</h2>
          <dl className="alarm-facts">
            <dt>{t('detail.state')}</dt>
            <dd>
              <span className={`state-badge alarm-state-${alarm.state}`}>{t(`states.${alarm.state}`)}</span>
            </dd>
            <dt>{t('detail.type')}</dt>
            <dd>{alarm.type}</dd>
            <dt>{t('detail.camera')}</dt>
            <dd>{event.camera.name}</dd>
            <dt>{t('detail.pipeline')}</dt>
            <dd>{t('detail.pipelineRevision', { name: event.pipeline.name, revision: String(event.pipeline.revision) })}</dd>
            <dt>{t('detail.algorithm')}</dt>
            <dd>{t('detail.algorithmVersion', { name: event.algorithm.name, version: event.algorithm.version })}</dd>
            <dt>{t('detail.started')}</dt>
            <dd>{when(alarm.startedAt)}</dd>
            <dt>{t('detail.updated')}</dt>
            <dd>{when(alarm.updatedAt)}</dd>
            <dt>{t('detail.ended')}</dt>
            <dd>{when(alarm.endedAt)}</dd>
            <dt>{t('detail.verdict')}</dt>
            <dd data-testid="alarm-verdict">{verdictText}</dd>
          </dl>

          <h2 className="panel-title">{t('detail.labelHeading')}</h2>
          <p className="panel-hint">{canOperate ? t('detail.labelHint') : t('detail.labelNeedsOperator')}</p>
          {canOperate ? (
            <div className="alarm-label-actions" role="group" aria-label={t('detail.labelHeading')}>
              <button type="button" className="button button-small" aria-pressed={alarm.label === 'true'} disabled={busy !== undefined} onClick={() => void setLabel('true')}>
                {t('detail.markTrue')}
              </button>
              <button type="button" className="button button-small" aria-pressed={alarm.label === 'false'} disabled={busy !== undefined} onClick={() => void setLabel('false')}>
                {t('detail.markFalse')}
              </button>
              <button type="button" className="button button-quiet button-small" disabled={busy !== undefined || alarm.label === null} onClick={() => void setLabel(null)}>
                {t('detail.clearLabel')}
              </button>
            </div>
          ) : null}
          <p className={labelNotice?.kind === 'error' ? 'alert-error' : 'alarm-notice'} role="status">
            {labelNotice?.text ?? ''}
          </p>
        </section>
      </div>

      <section className="alarm-deliveries" aria-label={t('deliveries.heading')}>
        <div className="alarm-section-head">
          <h2 className="panel-title">{t('deliveries.heading')}</h2>
          <button type="button" className="button button-quiet button-small" onClick={() => void refreshDeliveries().catch((error: unknown) => setDeliveryNotice({ kind: 'error', text: t('detail.actionFailed', { message: messageOf(error) }) }))}>
            {t('deliveries.refresh')}
          </button>
        </div>
        <p className={deliveryNotice?.kind === 'error' ? 'alert-error' : 'alarm-notice'} role="status">
          {deliveryNotice?.text ?? ''}
        </p>
        {deliveries.length === 0 ? <p className="panel-empty">{t('deliveries.none')}</p> : null}
        {deliveries.map((delivery) => (
          <div key={delivery.id} className="alarm-delivery" data-delivery-state={delivery.state}>
            <div className="alarm-delivery-head">
              <h3>{t('deliveries.target', { url: delivery.url })}</h3>
              <span className={`state-badge delivery-state-${delivery.state}`}>{t(`deliveries.states.${delivery.state}`)}</span>
              <span>
                {t('deliveries.attempts')}: {format.number(delivery.attempts)}
              </span>
              {canOperate && (delivery.state === 'failed' || delivery.state === 'dead') ? (
                <button type="button" className="button button-small" disabled={busy !== undefined} aria-label={t('deliveries.redriveLabel', { url: delivery.url })} onClick={() => void redrive(delivery)}>
                  {t('deliveries.redrive')}
                </button>
              ) : null}
            </div>
            {delivery.lastError ? (
              <p className="alarm-delivery-error">
                {t('deliveries.lastError')}: {delivery.lastError}
              </p>
            ) : null}
            {delivery.attemptLog.length === 0 ? (
              <p className="panel-empty">{t('deliveries.noAttempts')}</p>
            ) : (
              <table className="data-table alarm-attempts">
                <caption className="visually-hidden">{t('deliveries.caption', { url: delivery.url })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deliveries.attempt')}</th>
                    <th scope="col">{t('deliveries.time')}</th>
                    <th scope="col">{t('deliveries.outcome')}</th>
                    <th scope="col">{t('deliveries.status')}</th>
                    <th scope="col">{t('deliveries.latency')}</th>
                    <th scope="col">{t('deliveries.error')}</th>
                  </tr>
                </thead>
                <tbody>
                  {delivery.attemptLog.map((attempt) => (
                    <tr key={attempt.attempt}>
                      <td>{format.number(attempt.attempt)}</td>
                      <td>{when(attempt.at)}</td>
                      <td>{t(`deliveries.outcomes.${attempt.outcome}`)}</td>
                      <td>{attempt.statusCode ?? '—'}</td>
                      <td>{attempt.latencyMs === null ? '—' : t('deliveries.latencyMs', { ms: format.number(attempt.latencyMs) })}</td>
                      <td>{attempt.error ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </section>

      <section className="alarm-event" aria-label={t('detail.event')}>
        <div className="alarm-section-head">
          <h2 className="panel-title">{t('detail.event')}</h2>
          <button type="button" className="button button-quiet button-small" onClick={() => void copyJson()}>
            {t('detail.copy')}
          </button>
        </div>
        <p className={copyNotice?.kind === 'error' ? 'alert-error' : 'alarm-notice'} role="status">
          {copyNotice?.text ?? ''}
        </p>
        <pre className="alarm-json" tabIndex={0} aria-label={t('detail.eventRegion', { id: alarm.id })}>
          {json}
        </pre>
      </section>
    </article>
  );
}
