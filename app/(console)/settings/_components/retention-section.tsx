'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { Settings } from '@/lib/contracts/settings';
import { apiFetch } from '../../../_lib/api-fetch';
import { ActionFeedback } from './action-feedback';
import { useApiAction } from './use-api-action';

/** Retention days, the daily sweep's time and the disk guard; admins edit, others read. */
export function RetentionSection({ initial, canEdit }: { initial: Settings; canEdit: boolean }) {
  const t = useTranslations('settings.retention');
  const [days, setDays] = useState(String(initial.retentionDays));
  const [runAt, setRunAt] = useState(initial.retentionRunAt);
  const [diskGuard, setDiskGuard] = useState(String(initial.diskGuardMinFreePercent));
  const action = useApiAction();

  async function save(event: FormEvent) {
    event.preventDefault();
    await action.run(async () => {
      const saved = await apiFetch<Settings>('/api/v1/settings', { method: 'PATCH', json: { retentionDays: Number(days), retentionRunAt: runAt, diskGuardMinFreePercent: Number(diskGuard) } });
      setDays(String(saved.retentionDays));
      setRunAt(saved.retentionRunAt);
      setDiskGuard(String(saved.diskGuardMinFreePercent));
    }, t('saved'));
  }

  return (
    <section className="settings-section" aria-labelledby="settings-retention">
      <h2 id="settings-retention">{t('title')}</h2>
      <form onSubmit={(event) => void save(event)}>
        <fieldset disabled={!canEdit || action.pending} className="settings-fields">
          <div className="field">
            <label htmlFor="retention-days">{t('days')}</label>
            <input id="retention-days" type="number" min={1} max={3650} step={1} required value={days} onChange={(event) => setDays(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="retention-run-at">{t('runAt')}</label>
            <input id="retention-run-at" type="time" required value={runAt} onChange={(event) => setRunAt(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="retention-disk-guard">{t('diskGuard')}</label>
            <input id="retention-disk-guard" type="number" min={1} max={50} step={1} required value={diskGuard} onChange={(event) => setDiskGuard(event.target.value)} />
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
