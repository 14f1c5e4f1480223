'use client';

import { useCallback, useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Camera } from '@/lib/contracts/cameras';
import { apiFetch } from '@/app/_lib/api-fetch';
import { CameraForm } from './camera-form';
import { CameraImport } from './camera-import';
import { CameraRow } from './camera-row';

type Dialog = { kind: 'add' } | { kind: 'edit'; camera: Camera } | { kind: 'import' } | undefined;

/** The camera list with live thumbnails; operators add, edit, delete, test and import (viewers only look). */
export function CamerasScreen({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations('cameras');
  const [cameras, setCameras] = useState<Camera[]>();
  const [loadError, setLoadError] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const [confirming, setConfirming] = useState<string>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const load = useCallback(async () => {
    try {
      setCameras((await apiFetch<{ items: Camera[] }>('/api/v1/cameras')).items);
      setLoadError(undefined);
    } catch (error) {
      setLoadError(t('loadFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }, [t]);
  useEffect(() => void load(), [load]);

  const remove = async (camera: Camera) => {
    try {
      await apiFetch(`/api/v1/cameras/${camera.id}`, { method: 'DELETE' });
      setNotice({ kind: 'ok', text: t('deletion.done', { name: camera.name }) });
      setConfirming(undefined);
      await load();
    } catch (error) {
      setNotice({ kind: 'error', text: t('deletion.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const actions = (camera: Camera) => {
    if (!canEdit) return null;
    if (confirming === camera.id) {
      return (
        <div className="camera-confirm" role="group" aria-label={t('deletion.question', { name: camera.name })}>
          <span>{t('deletion.question', { name: camera.name })}</span>
          <button type="button" className="button button-small button-danger" onClick={() => void remove(camera)}>
            {t('actions.confirmDelete')}
          </button>
          <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(undefined)} autoFocus>
            {t('actions.cancel')}
          </button>
        </div>
      );
    }
    return (
      <div className="camera-row-actions">
        <button type="button" className="button button-small button-quiet" aria-label={t('actions.editNamed', { name: camera.name })} onClick={() => setDialog({ kind: 'edit', camera })}>
          {t('actions.edit')}
        </button>
        <button type="button" className="button button-small button-danger" aria-label={t('actions.deleteNamed', { name: camera.name })} onClick={() => setConfirming(camera.id)}>
          {t('actions.delete')}
        </button>
      </div>
    );
  };

  return (
    <section className="cameras-screen" aria-label={t('title')}>
      <div className="cameras-toolbar">
        {canEdit ? (
          <>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
              {t('actions.add')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setDialog({ kind: 'import' })}>
              {t('actions.import')}
            </button>
          </>
        ) : (
          <p className="panel-hint">{t('readOnly')}</p>
        )}
        {cameras ? <span className="camera-meta">{t('count', { count: cameras.length })}</span> : null}
      </div>
      <div role="status" aria-live="polite" className={notice?.kind === 'error' ? 'alert-error' : 'cameras-notice'}>
        {notice?.text}
      </div>
      {loadError ? (
        <p className="alert-error" role="alert">
          {loadError}
        </p>
      ) : null}
      {!cameras && !loadError ? <p className="panel-hint">{t('loading')}</p> : null}
      {cameras?.length === 0 ? <p className="panel-hint">{t('empty')}</p> : null}
      {cameras && cameras.length > 0 ? (
        <>
          <p className="panel-hint">{t('statusSource')}</p>
          <table className="data-table cameras-table">
            <caption className="cameras-hidden-text">{t('table.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.picture')}</th>
                <th scope="col">{t('table.name')}</th>
                <th scope="col">{t('table.streamUrl')}</th>
                <th scope="col">{t('table.status')}</th>
                <th scope="col">{t('table.updated')}</th>
                <th scope="col">{canEdit ? t('table.actions') : <span className="cameras-hidden-text">{t('table.actions')}</span>}</th>
              </tr>
            </thead>
            <tbody>
              {cameras.map((camera) => (
                <CameraRow key={`${camera.id}:${camera.updatedAt}`} camera={camera} actions={actions(camera)} />
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <CameraForm
          camera={dialog.kind === 'edit' ? dialog.camera : undefined}
          onCancel={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            void load();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' ? (
        <CameraImport
          onClose={() => setDialog(undefined)}
          onImported={(count) => {
            setDialog(undefined);
            setNotice({ kind: 'ok', text: t('importDialog.done', { count }) });
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
