'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { CreateTrainingJobBody, Site, TrainingJob } from '@/lib/contracts/training';
import { ApiError, apiFetch } from '../../../_lib/api-fetch';

const strategies = ['fedavg', 'fedprox', 'fedadam', 'median', 'trimmed-mean'] as const;
type StrategyKind = (typeof strategies)[number];

/** Reads a number field; an empty optional field is undefined, so the API's default applies. */
function numberField(form: FormData, name: string): number | undefined {
  const raw = String(form.get(name) ?? '').trim();
  return raw === '' ? undefined : Number(raw);
}

/** Starts a federated training job (POST /api/v1/training/jobs); the API's field errors are shown as they come. */
export function NewJobForm({ algorithms, sites }: { algorithms: readonly string[]; sites: readonly Site[] }) {
  const t = useTranslations('training.form');
  const router = useRouter();
  const [strategy, setStrategy] = useState<StrategyKind>('fedavg');
  const [privacy, setPrivacy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; fields: string[] }>();
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = numberField(form, 'targetAccuracy');
    const body: CreateTrainingJobBody = {
      ...(String(form.get('name') ?? '').trim() ? { name: String(form.get('name')).trim() } : {}),
      algorithm: String(form.get('algorithm')),
      sites: form.getAll('sites').map(String),
      rounds: numberField(form, 'rounds') ?? 0,
      local: { epochs: numberField(form, 'epochs'), batchSize: numberField(form, 'batchSize'), learningRate: numberField(form, 'learningRate') },
      strategy:
        strategy === 'fedprox'
          ? { kind: 'fedprox', mu: numberField(form, 'mu') ?? 0.01 }
          : strategy === 'fedadam'
            ? { kind: 'fedadam', eta: numberField(form, 'eta') }
            : strategy === 'trimmed-mean'
              ? { kind: 'trimmed-mean', beta: numberField(form, 'beta') ?? 0.1 }
              : { kind: strategy },
      secureAggregation: form.get('secureAggregation') === 'on',
      ...(privacy ? { privacy: { clipNorm: numberField(form, 'clipNorm') ?? 1, noiseMultiplier: numberField(form, 'noiseMultiplier') ?? 0.5 } } : {}),
      ...(target !== undefined ? { target: { metric: 'accuracy' as const, value: target } } : {}),
    };
    setSubmitting(true);
    setProblem(undefined);
    try {
      const job = await apiFetch<TrainingJob>('/api/v1/training/jobs', { method: 'POST', json: body });
      router.push(`/training/${job.id}`);
    } catch (error) {
      // A validation answer lists every offending field as {path, message}.
      const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as Array<{ path?: string; message?: string }>) : [];
      const fields = details.map((problem) => `${problem.path ?? ''}: ${problem.message ?? ''}`);
      setProblem({ message: error instanceof Error ? error.message : String(error), fields });
      setSubmitting(false);
    }
  }

  return (
    <form className="training-form" aria-labelledby="new-job-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="new-job-heading" style={{ gridColumn: '1 / -1' }}>
        {t('title')}
      </h2>
      {problem ? (
        <div className="alert-error" role="alert" style={{ gridColumn: '1 / -1' }}>
          <p>{problem.message}</p>
          {problem.fields.length > 0 ? (
            <ul>
              {problem.fields.map((field) => (
                <li key={field}>{field}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="job-name">{t('name')}</label>
        <input id="job-name" name="name" maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="job-algorithm">{t('algorithm')}</label>
        <select id="job-algorithm" name="algorithm" required>
          {algorithms.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="job-rounds">{t('rounds')}</label>
        <input id="job-rounds" name="rounds" type="number" min={1} max={1000} defaultValue={5} required />
      </div>
      <fieldset>
        <legend>{t('sites')}</legend>
        <p className="panel-hint">{t('sitesHint')}</p>
        {sites.length === 0 ? <p className="panel-empty">{t('noSites')}</p> : null}
        <div className="site-choices">
          {sites.map((site) => (
            <label key={site.id} className="field-inline">
              <input type="checkbox" name="sites" value={site.id} defaultChecked={site.state === 'online'} /> {site.id}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="job-strategy">{t('strategy')}</label>
        <select id="job-strategy" value={strategy} onChange={(event) => setStrategy(event.target.value as StrategyKind)}>
          {strategies.map((kind) => (
            <option key={kind} value={kind}>
              {t(`strategies.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {strategy === 'fedprox' ? (
        <div className="field">
          <label htmlFor="job-mu">{t('mu')}</label>
          <input id="job-mu" name="mu" type="number" step="any" min={0} max={10} defaultValue={0.01} />
        </div>
      ) : null}
      {strategy === 'fedadam' ? (
        <div className="field">
          <label htmlFor="job-eta">{t('eta')}</label>
          <input id="job-eta" name="eta" type="number" step="any" min={0} max={10} defaultValue={0.01} />
        </div>
      ) : null}
      {strategy === 'trimmed-mean' ? (
        <div className="field">
          <label htmlFor="job-beta">{t('beta')}</label>
          <input id="job-beta" name="beta" type="number" step="any" min={0} max={0.49} defaultValue={0.1} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="job-epochs">{t('epochs')}</label>
        <input id="job-epochs" name="epochs" type="number" min={1} max={100} defaultValue={1} />
      </div>
      <div className="field">
        <label htmlFor="job-batch">{t('batchSize')}</label>
        <input id="job-batch" name="batchSize" type="number" min={1} max={4096} defaultValue={10} />
      </div>
      <div className="field">
        <label htmlFor="job-lr">{t('learningRate')}</label>
        <input id="job-lr" name="learningRate" type="number" step="any" min={0} max={10} defaultValue={0.05} />
      </div>
      <div className="field">
        <label htmlFor="job-target">{t('targetAccuracy')}</label>
        <input id="job-target" name="targetAccuracy" type="number" step="any" min={0} max={1} />
      </div>
      <fieldset>
        <legend>{t('privacy')}</legend>
        <label className="field-inline">
          <input type="checkbox" name="secureAggregation" /> {t('secureAggregation')}
        </label>
        <label className="field-inline">
          <input type="checkbox" checked={privacy} onChange={(event) => setPrivacy(event.target.checked)} /> {t('privacy')}
        </label>
        {privacy ? (
          <div className="field-row">
            <div className="field">
              <label htmlFor="job-clip">{t('clipNorm')}</label>
              <input id="job-clip" name="clipNorm" type="number" step="any" min={0} defaultValue={1} />
            </div>
            <div className="field">
              <label htmlFor="job-noise">{t('noiseMultiplier')}</label>
              <input id="job-noise" name="noiseMultiplier" type="number" step="any" min={0} defaultValue={0.5} />
            </div>
          </div>
        ) : null}
      </fieldset>
      <div className="form-actions">
        <button className="button" type="submit" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}
