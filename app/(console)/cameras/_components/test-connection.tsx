'use client';

import { useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import type { ProbeCameraBody, ProbeResult } from '@/lib/contracts/cameras';
import { apiFetch } from '@/app/_lib/api-fetch';

type Outcome = { kind: 'ok'; result: ProbeResult } | { kind: 'failed'; message: string } | undefined;

/** Probes what the form holds now (the server adds the stored credentials of the camera being edited when none are typed). */
export function TestConnection({ request }: { request: () => Omit<ProbeCameraBody, 'timeoutSeconds'> | undefined }) {
  const t = useTranslations('cameras');
  const format = useFormatter();
  const [testing, setTesting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const test = async () => {
    const body = request();
    if (!body) {
      setOutcome({ kind: 'failed', message: t('probe.needsUrl') });
      return;
    }
    setTesting(true);
    setOutcome(undefined);
    try {
      setOutcome({ kind: 'ok', result: await apiFetch<ProbeResult>('/api/v1/cameras/probe', { method: 'POST', json: body }) });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setTesting(false);
    }
  };

  return (
    <div className="probe">
      <button type="button" className="button button-quiet" onClick={() => void test()} disabled={testing}>
        {testing ? t('actions.testing') : t('actions.testConnection')}
      </button>
      <div className="probe-outcome" role="status" aria-live="polite">
        {outcome?.kind === 'ok' ? (
          <span className="probe-ok">
            {t('probe.result', { width: String(outcome.result.width), height: String(outcome.result.height), fps: format.number(outcome.result.fps, { maximumFractionDigits: 2 }), codec: outcome.result.codec })}{' '}
            <span className="camera-meta">{t('probe.took', { seconds: format.number(outcome.result.elapsedMs / 1000, { maximumFractionDigits: 1 }) })}</span>
          </span>
        ) : null}
        {outcome?.kind === 'failed' ? <span className="probe-failed">{t('probe.failed', { message: outcome.message })}</span> : null}
      </div>
    </div>
  );
}
