'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { roleAtLeast, roles, type Role } from '@/lib/auth/roles';
import type { ApiToken, CreatedApiToken } from '@/lib/contracts/tokens';
import { apiFetch } from '../../../_lib/api-fetch';
import { ActionFeedback } from './action-feedback';
import { OneTimeSecret } from './one-time-secret';
import { useApiAction } from './use-api-action';

/** The user's own API tokens: create (the token is shown once), list without the secret, revoke. */
export function TokensSection({ role }: { role: Role }) {
  const t = useTranslations('settings.tokens');
  const common = useTranslations('common');
  const roleNames = useTranslations('nav.roles');
  const format = useFormatter();
  const [tokens, setTokens] = useState<ApiToken[]>();
  const [created, setCreated] = useState<{ name: string; value: string }>();
  const action = useApiAction();
  const { run } = action;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });

  const reload = useCallback(async () => setTokens((await apiFetch<{ items: ApiToken[] }>('/api/v1/tokens')).items), []);
  // Once, on mount: the list is re-read after each change that needs it.
  useEffect(() => void run(reload), []);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = String(data.get('expiresInDays') ?? '').trim();
    const ok = await run(async () => {
      const token = await apiFetch<CreatedApiToken>('/api/v1/tokens', { method: 'POST', json: { name: data.get('name'), role: data.get('role'), ...(days ? { expiresInDays: Number(days) } : {}) } });
      setCreated({ name: token.name, value: token.token });
      await reload();
    });
    if (ok) form.reset();
  }

  async function revoke(token: ApiToken) {
    if (!window.confirm(t('revokeConfirm', { name: token.name }))) return;
    await run(async () => {
      await apiFetch(`/api/v1/tokens/${token.id}`, { method: 'DELETE' });
      setTokens((current) => current?.filter((item) => item.id !== token.id));
    });
  }

  return (
    <section className="settings-section" aria-labelledby="settings-tokens">
      <h2 id="settings-tokens">{t('title')}</h2>
      <p className="panel-hint">{t('hint')}</p>
      {created ? <OneTimeSecret title={t('tokenTitle', { name: created.name })} value={created.value} onDismiss={() => setCreated(undefined)} /> : null}
      {tokens === undefined && !action.error ? <p>{common('states.loading')}</p> : null}
      {tokens?.length === 0 ? <p className="panel-empty">{t('empty')}</p> : null}
      {tokens && tokens.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('prefix')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('expiresAt')}</th>
                <th scope="col">{t('lastUsedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>{roleNames(token.role)}</td>
                  <td className="cell-code">{token.prefix}…</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{token.expiresAt ? when(token.expiresAt) : t('never')}</td>
                  <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('neverUsed')}</td>
                  <td>
                    <button className="button button-danger button-small" type="button" aria-label={t('revokeOf', { name: token.name })} disabled={action.pending} onClick={() => void revoke(token)}>
                      {t('revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="settings-add-form" onSubmit={(event) => void create(event)}>
        <div className="field-row">
          <div className="field">
            <label htmlFor="token-name">{t('name')}</label>
            <input id="token-name" name="name" required maxLength={100} autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="token-role">{t('role')}</label>
            <select id="token-role" name="role" defaultValue={role}>
              {roles
                .filter((candidate) => roleAtLeast(role, candidate))
                .map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {roleNames(candidate)}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="token-expires">{t('expiresInDays')}</label>
            <input id="token-expires" name="expiresInDays" type="number" min={1} max={3650} step={1} />
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
