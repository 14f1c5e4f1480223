'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { Settings } from '@/lib/contracts/settings';
import { apiFetch } from '../../../_lib/api-fetch';
import { ActionFeedback } from './action-feedback';
import { useApiAction } from './use-api-action';

const toLines = (list: string[]) => list.join('\n');
const fromLines = (text: string) => text.split(/[\n,]/).map((line) => line.trim()).filter(Boolean);

/** Where callbacks may go (allow/deny lists of hosts and CIDR ranges, private networks) and how long they are retried. */
export function CallbackPolicySection({ initial, canEdit }: { initial: Settings; canEdit: boolean }) {
  const t = useTranslations('settings.policy');
  const [allowPrivate, setAllowPrivate] = useState(initial.callbackPolicy.allowPrivateNetworks);
  const [allowList, setAllowList] = useState(toLines(initial.callbackPolicy.allowList));
  const [denyList, setDenyList] = useState(toLines(initial.callbackPolicy.denyList));
  const [retryHours, setRetryHours] = useState(String(initial.callbackRetryHours));
  const action = useApiAction();

  async function save(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const saved = await apiFetch<Settings>('/api/v1/settings', {
        method: 'PATCH',
        json: { callbackPolicy: { allowPrivateNetworks: allowPrivate, allowList: fromLines(allowList), denyList: fromLines(denyList) }, callbackRetryHours: Number(retryHours) },
      });
      // The server normalises hosts (lower case, trimmed): show what it stored.
      setAllowList(toLines(saved.callbackPolicy.allowList));
      setDenyList(toLines(saved.callbackPolicy.denyList));
    }, t('saved'));
  }

  return (
    <section className="settings-section" aria-labelledby="settings-policy">
      <h2 id="settings-policy">{t('title')}</h2>
      <p className="panel-hint">{t('hint')}</p>
      <form onSubmit={(event) => void save(event)}>
        <fieldset disabled={!canEdit || action.pending} className="settings-fields">
          <div className="field field-inline">
            <input id="policy-allow-private" type="checkbox" checked={allowPrivate} onChange={(event) => setAllowPrivate(event.target.checked)} />
            <label htmlFor="policy-allow-private">{t('allowPrivate')}</label>
          </div>
          <div className="field">
            <label htmlFor="policy-allow-list">{t('allowList')}</label>
            <textarea id="policy-allow-list" rows={3} value={allowList} onChange={(event) => setAllowList(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="policy-deny-list">{t('denyList')}</label>
            <textarea id="policy-deny-list" rows={3} value={denyList} onChange={(event) => setDenyList(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="policy-retry-hours">{t('retryHours')}</label>
            <input id="policy-retry-hours" type="number" min={1} max={720} step={1} required value={retryHours} onChange={(event) => setRetryHours(event.target.value)} />
          </div>
        </fieldset>
        {canEdit ? (
          <button className="button" type="submit" disabled={action.pending}>
            {t('save')}
          </button>
        ) : null}
      </form>
      <ActionFeedback error={action.error} notice={action.notice} />
    </section>
  );
}
