'use client';

import { useRef, type ReactNode } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { Camera } from '@/lib/contracts/cameras';
import { useCameraSnapshotStatus } from './use-camera-snapshot-status';

const snapshotIntervalMs = 8000;

/** One camera: its live thumbnail (which is also its status), name, URL without credentials, and the row's actions. */
export function CameraRow({ camera, actions }: { camera: Camera; actions: ReactNode }) {
  const t = useTranslations('cameras');
  const format = useFormatter();
  const cell = useRef<HTMLTableCellElement>(null);
  const status = useCameraSnapshotStatus(camera.id, cell, { intervalMs: snapshotIntervalMs, enabled: camera.enabled });
  const state = camera.enabled ? status.state : 'disabled';
  return (
    <tr data-camera-id={camera.id}>
      <td ref={cell} className="camera-thumb-cell">
        <div className={`camera-thumb camera-thumb-${state}`}>
          {status.src ? <img src={status.src} alt={t('thumbnail.alt', { name: camera.name })} /> : null}
          {!status.src || state === 'offline' ? <span className="camera-thumb-placeholder">{state === 'offline' ? t('thumbnail.failed') : camera.enabled ? t('thumbnail.loading') : t('status.disabled')}</span> : null}
        </div>
      </td>
      <th scope="row" className="camera-name">
        {camera.name}
        {camera.location ? <span className="camera-meta">{camera.location}</span> : null}
      </th>
      <td className="camera-url">
        <code>{camera.streamUrl}</code>
        {camera.username ? <span className="camera-meta">{camera.username}{camera.hasPassword ? ' · ••••' : ''}</span> : null}
      </td>
      <td className="camera-status" aria-live="polite">
        <span className={`state-badge camera-state-${state}`}>{t(`status.${state}`)}</span>
        {status.checkedAt ? <span className="camera-meta">{t('status.checkedAt', { time: format.dateTime(status.checkedAt, { timeStyle: 'medium' }) })}</span> : null}
        {state === 'offline' && status.error ? <span className="camera-error">{t('status.lastError', { message: status.error })}</span> : null}
      </td>
      <td className="camera-updated">{format.dateTime(new Date(camera.updatedAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
      <td className="camera-actions">{actions}</td>
    </tr>
  );
}
