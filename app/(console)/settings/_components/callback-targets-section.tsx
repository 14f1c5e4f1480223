'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { CallbackTarget, CallbackTargetWithSecret } from '@/lib/contracts/callback-targets';
import { apiFetch } from '../../../_lib/api-fetch';
import { ActionFeedback } from './action-feedback';
import { OneTimeSecret } from './one-time-secret';
import { useApiAction } from './use-api-action';

/** Callback targets (operators and admins): list, add, edit, enable/disable, rotate the signing secret, delete. */
export function CallbackTargetsSection() {
  const t = useTranslations('settings.targets');
  const common = useTranslations('common');
  const format = useFormatter();
  const [targets, setTargets] = useState<CallbackTarget[]>();
  const [secret, setSecret] = useState<{ name: string; value: string }>();
  const [editing, setEditing] = useState<string>();
  const action = useApiAction();
  const { run } = action;

  const reload = useCallback(async () => setTargets((await apiFetch<{ items: CallbackTarget[] }>('/api/v1/callback-targets')).items), []);
  // Once, on mount: the list is re-read after each change that needs it.
  useEffect(() => void run(reload), []);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const ok = await action.run(async () => {
      const created = await apiFetch<CallbackTargetWithSecret>('/api/v1/callback-targets', { method: 'POST', json: { name: data.get('name'), url: data.get('url'), enabled: data.get('enabled') === 'on' } });
      setSecret({ name: created.name, value: created.secret });
      await reload();
    });
    if (ok) form.reset();
  }

  async function update(target: CallbackTarget, patch: Partial<Pick<CallbackTarget, 'name' | 'url' | 'enabled'>>) {
    const ok = await action.run(async () => {
      const updated = await apiFetch<CallbackTarget>(`/api/v1/callback-targets/${target.id}`, { method: 'PATCH', json: patch });
      setTargets((current) => current?.map((item) => (item.id === updated.id ? updated : item)));
    });
    if (ok) setEditing(undefined);
  }

  async function rotate(target: CallbackTarget) {
    if (!window.confirm(t('rotateConfirm', { name: target.name }))) return;
    await action.run(async () => {
      const rotated = await apiFetch<CallbackTargetWithSecret>(`/api/v1/callback-targets/${target.id}/rotate-secret`, { method: 'POST' });
      setSecret({ name: rotated.name, value: rotated.secret });
      await reload();
    });
  }

  async function remove(target: CallbackTarget) {
    if (!window.confirm(t('deleteConfirm', { name: target.name }))) return;
    await action.run(async () => {
      await apiFetch(`/api/v1/callback-targets/${target.id}`, { method: 'DELETE' });
      setTargets((current) => current?.filter((item) => item.id !== target.id));
    });
  }

  return (
    <section className="settings-section" aria-labelledby="settings-targets">
      <h2 id="settings-targets">{t('title')}</h2>
      <p className="panel-hint">{t('hint')}</p>
      {secret ? <OneTimeSecret title={t('secretTitle', { name: secret.name })} value={secret.value} onDismiss={() => setSecret(undefined)} /> : null}
      {targets === undefined ? <p>{common('states.loading')}</p> : null}
      {targets?.length === 0 ? <p className="panel-empty">{t('empty')}</p> : null}
      {targets && targets.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('url')}</th>
                <th scope="col">{t('enabled')}</th>
                <th scope="col">{t('secretRotatedAt')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) =>
                editing === target.id ? (
                  <TargetEditRow key={target.id} target={target} pending={action.pending} onSave={(patch) => void update(target, patch)} onCancel={() => setEditing(undefined)} />
                ) : (
                  <tr key={target.id}>
                    <td>
                      {target.name}
                      {target.autoCreated ? <span className="settings-note"> ({t('autoCreated')})</span> : null}
                    </td>
                    <td className="cell-code">{target.url}</td>
                    <td>{target.enabled ? t('on') : t('off')}</td>
                    <td>{format.dateTime(new Date(target.secretRotatedAt), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td className="cell-actions">
                      <button className="button button-quiet button-small" type="button" aria-label={t('editOf', { name: target.name })} onClick={() => setEditing(target.id)}>
                        {common('actions.edit')}
                      </button>
                      <button className="button button-quiet button-small" type="button" aria-label={t('rotateOf', { name: target.name })} disabled={action.pending} onClick={() => void rotate(target)}>
                        {t('rotate')}
                      </button>
                      <button className="button button-danger button-small" type="button" aria-label={t('deleteOf', { name: target.name })} disabled={action.pending} onClick={() => void remove(target)}>
                        {common('actions.delete')}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="settings-add-form" onSubmit={(event) => void create(event)}>
        <h3>{t('add')}</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor="target-name">{t('name')}</label>
            <input id="target-name" name="name" required maxLength={100} />
          </div>
          <div className="field field-grow">
            <label htmlFor="target-url">{t('url')}</label>
            <input id="target-url" name="url" type="url" required placeholder="https://receiver.example/alarms" />
          </div>
          <div className="field field-inline">
            <input id="target-enabled" name="enabled" type="checkbox" defaultChecked />
            <label htmlFor="target-enabled">{t('enabled')}</label>
          </div>
          <button className="button" type="submit" disabled={action.pending}>
            {t('create')}
          </button>
        </div>
      </form>
      <ActionFeedback error={action.error} notice={action.notice} />
    </section>
  );
}

function TargetEditRow({ target, pending, onSave, onCancel }: { target: CallbackTarget; pending: boolean; onSave: (patch: { name: string; url: string; enabled: boolean }) => void; onCancel: () => void }) {
  const t = useTranslations('settings.targets');
  const common = useTranslations('common');
  const [name, setName] = useState(target.name);
  const [url, setUrl] = useState(target.url);
  const [enabled, setEnabled] = useState(target.enabled);
  const id = `edit-${target.id}`;
  return (
    <tr>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-name`}>
          {t('name')}
        </label>
        <input id={`${id}-name`} className="table-input" value={name} onChange={(event) => setName(event.target.value)} />
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`${id}-url`}>
          {t('url')}
        </label>
        <input id={`${id}-url`} className="table-input" type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
      </td>
      <td>
        <input id={`${id}-enabled`} type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <label className="visually-hidden" htmlFor={`${id}-enabled`}>
          {t('enabled')}
        </label>
      </td>
      <td />
      <td className="cell-actions">
        <button className="button button-small" type="button" disabled={pending} onClick={() => onSave({ name, url, enabled })}>
          {common('actions.save')}
        </button>
        <button className="button button-quiet button-small" type="button" onClick={onCancel}>
          {common('actions.cancel')}
        </button>
      </td>
    </tr>
  );
}
