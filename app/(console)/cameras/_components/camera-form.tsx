'use client';

import { cloneElement, useId, useState, type FormEvent, type ReactElement } from 'react';
import { useTranslations } from 'use-intl';
import type { Camera, CreateCameraBody, UpdateCameraBody } from '@/lib/contracts/cameras';
import { apiFetch, ApiError } from '@/app/_lib/api-fetch';
import { ModalDialog } from './modal-dialog';
import { TestConnection } from './test-connection';

type FieldName = 'name' | 'streamUrl' | 'username' | 'password' | 'description' | 'location' | 'tags';

/**
 * Add or edit a camera. The password field starts empty: a stored password is never sent to the browser, and an empty
 * field keeps it. Credentials go in their own fields; the API also accepts them inside the URL and stores them apart.
 */
export function CameraForm({ camera, onDone, onCancel }: { camera?: Camera; onDone: (saved: Camera) => void; onCancel: () => void }) {
  const t = useTranslations('cameras');
  const id = useId();
  const [values, setValues] = useState({
    name: camera?.name ?? '',
    streamUrl: camera?.streamUrl ?? '',
    username: camera?.username ?? '',
    password: '',
    description: camera?.description ?? '',
    location: camera?.location ?? '',
    tags: camera?.tags.join(', ') ?? '',
    enabled: camera?.enabled ?? true,
    clearCredentials: false,
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = (name: keyof typeof values) => (event: { target: HTMLInputElement | HTMLTextAreaElement }) =>
    setValues((current) => ({ ...current, [name]: event.target instanceof HTMLInputElement && event.target.type === 'checkbox' ? event.target.checked : event.target.value }));

  const credentials = () => ({ ...(values.username.trim() && values.username.trim() !== (camera?.username ?? '') ? { username: values.username.trim() } : {}), ...(values.password ? { password: values.password } : {}) });
  const tags = () => values.tags.split(',').map((tag) => tag.trim()).filter(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(undefined);
    setFieldErrors({});
    const common = { name: values.name.trim(), streamUrl: values.streamUrl.trim(), description: values.description, location: values.location, tags: tags(), enabled: values.enabled };
    try {
      const saved = camera
        ? await apiFetch<Camera>(`/api/v1/cameras/${camera.id}`, { method: 'PATCH', json: { ...common, ...credentials(), ...(values.clearCredentials ? { clearCredentials: true } : {}) } satisfies UpdateCameraBody })
        : await apiFetch<Camera>('/api/v1/cameras', { method: 'POST', json: { ...common, ...credentials() } satisfies Partial<CreateCameraBody> });
      onDone(saved);
    } catch (error) {
      setProblem(t('form.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
      if (error instanceof ApiError && Array.isArray(error.details)) {
        setFieldErrors(Object.fromEntries((error.details as { path: string; message: string }[]).map((detail) => [detail.path.split('.')[0], detail.message])));
      }
      setSaving(false);
    }
  };

  const field = (name: FieldName, label: string, input: ReactElement<Record<string, unknown>>, hint?: string) => {
    const hintId = hint ? `${id}-${name}-hint` : undefined;
    const errorId = fieldErrors[name] ? `${id}-${name}-error` : undefined;
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {cloneElement(input, { id: `${id}-${name}`, 'aria-invalid': fieldErrors[name] ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined })}
        {hint ? <span id={hintId} className="panel-hint">{hint}</span> : null}
        {fieldErrors[name] ? <span id={errorId} className="field-error">{fieldErrors[name]}</span> : null}
      </div>
    );
  };

  return (
    <ModalDialog title={camera ? t('form.editTitle', { name: camera.name }) : t('form.addTitle')} onClose={onCancel} className="camera-dialog">
      <form onSubmit={(event) => void submit(event)} noValidate>
        {field('name', `${t('form.name')} ${t('form.required')}`, <input type="text" required maxLength={100} value={values.name} onChange={set('name')} autoComplete="off" />)}
        {field('streamUrl', `${t('form.streamUrl')} ${t('form.required')}`, <input type="text" required maxLength={2048} value={values.streamUrl} onChange={set('streamUrl')} autoComplete="off" spellCheck={false} />, t('form.streamUrlHint'))}
        <fieldset className="camera-credentials">
          <legend>{t('form.credentialsTitle')}</legend>
          {field('username', t('form.username'), <input type="text" maxLength={200} value={values.username} onChange={set('username')} autoComplete="off" />)}
          {field('password', t('form.password'), <input type="password" maxLength={200} value={values.password} onChange={set('password')} autoComplete="new-password" />, camera?.hasPassword ? t('form.passwordStored') : undefined)}
          {camera && (camera.username || camera.hasPassword) ? (
            <label className="field-inline camera-check">
              <input type="checkbox" checked={values.clearCredentials} onChange={set('clearCredentials')} /> {t('form.clearCredentials')}
            </label>
          ) : null}
        </fieldset>
        <TestConnection request={() => (values.streamUrl.trim() ? { streamUrl: values.streamUrl.trim(), ...credentials(), ...(camera ? { cameraId: camera.id } : {}) } : undefined)} />
        {field('description', t('form.description'), <textarea rows={2} maxLength={1000} value={values.description} onChange={set('description')} />)}
        <div className="camera-form-row">
          {field('location', t('form.location'), <input type="text" maxLength={200} value={values.location} onChange={set('location')} />)}
          {field('tags', t('form.tags'), <input type="text" value={values.tags} onChange={set('tags')} />, t('form.tagsHint'))}
        </div>
        <label className="field-inline camera-check">
          <input type="checkbox" checked={values.enabled} onChange={set('enabled')} /> {t('form.enabled')}
        </label>
        {problem ? (
          <p className="alert-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('actions.saving') : t('actions.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('actions.cancel')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
