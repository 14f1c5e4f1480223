'use client';

import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { roles, type Role } from '@/lib/auth/roles';
import type { User } from '@/lib/contracts/users';
import { locales, type Locale } from '@/lib/i18n/locales';
import { apiFetch } from '../../../_lib/api-fetch';
import { ActionFeedback } from './action-feedback';
import { useApiAction } from './use-api-action';

/** Admins manage users: add, change role, disable/enable, reset a password, delete. The API guards the last admin. */
export function UsersSection({ currentUserId, defaultLocale }: { currentUserId: string; defaultLocale: Locale }) {
  const t = useTranslations('settings.users');
  const common = useTranslations('common');
  const roleNames = useTranslations('nav.roles');
  const languageNames = useTranslations('common.language');
  const format = useFormatter();
  const [users, setUsers] = useState<User[]>();
  const [resetting, setResetting] = useState<string>();
  const action = useApiAction();
  const { run } = action;

  const reload = useCallback(async () => setUsers((await apiFetch<{ items: User[] }>('/api/v1/users')).items), []);
  // Once, on mount: the list is re-read after each change that needs it.
  useEffect(() => void run(reload), []);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const username = String(data.get('username'));
    const ok = await run(async () => {
      await apiFetch('/api/v1/users', { method: 'POST', json: { username, password: data.get('password'), role: data.get('role'), locale: data.get('locale') } });
      await reload();
    }, t('created', { username }));
    if (ok) form.reset();
  }

  async function update(user: User, patch: { role?: Role; disabled?: boolean; password?: string }, notice?: string) {
    // On failure the list is re-read too, so a refused role change shows the role the user still has.
    const ok = await run(async () => {
      const updated = await apiFetch<User>(`/api/v1/users/${user.id}`, { method: 'PATCH', json: patch });
      setUsers((current) => current?.map((item) => (item.id === updated.id ? updated : item)));
    }, notice);
    if (!ok) await reload().catch(() => undefined);
    return ok;
  }

  async function remove(user: User) {
    if (!window.confirm(t('deleteConfirm', { username: user.username }))) return;
    await run(async () => {
      await apiFetch(`/api/v1/users/${user.id}`, { method: 'DELETE' });
      setUsers((current) => current?.filter((item) => item.id !== user.id));
    });
  }

  async function resetPassword(event: FormEvent<HTMLFormElement>, user: User) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    if (await update(user, { password }, t('passwordSet', { username: user.username }))) setResetting(undefined);
  }

  return (
    <section className="settings-section" aria-labelledby="settings-users">
      <h2 id="settings-users">{t('title')}</h2>
      {users === undefined && !action.error ? <p>{common('states.loading')}</p> : null}
      {users?.length === 0 ? <p className="panel-empty">{t('empty')}</p> : null}
      {users && users.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('username')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('locale')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    {user.username}
                    {user.id === currentUserId ? <span className="settings-note"> {t('you')}</span> : null}
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                      {t('roleOf', { username: user.username })}
                    </label>
                    <select id={`role-${user.id}`} className="table-input" value={user.role} disabled={action.pending} onChange={(event) => void update(user, { role: event.target.value as Role })}>
                      {roles.map((role) => (
                        <option key={role} value={role}>
                          {roleNames(role)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{(locales as readonly string[]).includes(user.locale) ? languageNames(user.locale as Locale) : user.locale}</td>
                  <td>{user.disabled ? t('disabled') : t('active')}</td>
                  <td>{format.dateTime(new Date(user.createdAt), { dateStyle: 'medium' })}</td>
                  <td className="cell-actions">
                    <button
                      className="button button-quiet button-small"
                      type="button"
                      aria-label={user.disabled ? t('enableOf', { username: user.username }) : t('disableOf', { username: user.username })}
                      disabled={action.pending}
                      onClick={() => void update(user, { disabled: !user.disabled })}
                    >
                      {user.disabled ? t('enable') : t('disable')}
                    </button>
                    <button className="button button-quiet button-small" type="button" aria-label={t('resetPasswordOf', { username: user.username })} aria-expanded={resetting === user.id} onClick={() => setResetting(resetting === user.id ? undefined : user.id)}>
                      {t('resetPassword')}
                    </button>
                    <button className="button button-danger button-small" type="button" aria-label={t('deleteOf', { username: user.username })} disabled={action.pending} onClick={() => void remove(user)}>
                      {common('actions.delete')}
                    </button>
                    {resetting === user.id ? (
                      <form className="field-row reset-password" onSubmit={(event) => void resetPassword(event, user)}>
                        <label className="visually-hidden" htmlFor={`password-${user.id}`}>
                          {t('newPasswordOf', { username: user.username })}
                        </label>
                        <input id={`password-${user.id}`} name="password" type="password" className="table-input" required minLength={10} autoComplete="new-password" placeholder={t('newPasswordOf', { username: user.username })} />
                        <button className="button button-small" type="submit" disabled={action.pending}>
                          {t('setPassword')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="settings-add-form" onSubmit={(event) => void create(event)}>
        <h3>{t('add')}</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor="new-user-name">{t('username')}</label>
            <input id="new-user-name" name="username" required maxLength={64} pattern="[A-Za-z0-9_.@\-]+" autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="new-user-password">{t('password')}</label>
            <input id="new-user-password" name="password" type="password" required minLength={10} autoComplete="new-password" />
          </div>
          <div className="field">
            <label htmlFor="new-user-role">{t('role')}</label>
            <select id="new-user-role" name="role" defaultValue="viewer">
              {roles.map((role) => (
                <option key={role} value={role}>
                  {roleNames(role)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-user-locale">{t('locale')}</label>
            <select id="new-user-locale" name="locale" defaultValue={defaultLocale}>
              {locales.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {languageNames(locale)}
                </option>
              ))}
            </select>
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
