'use client';

import { useId, useState, type ChangeEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { Camera, ImportRowError } from '@/lib/contracts/cameras';
import { apiFetch, ApiError } from '@/app/_lib/api-fetch';
import { readCameraCsv, type CameraCsv, type CsvProblem } from '../_lib/camera-csv';
import { ModalDialog } from './modal-dialog';

const knownFields = ['name', 'streamUrl', 'username', 'password', 'description', 'location', 'tags'] as const;

/** CSV → rows in the browser (papaparse), checked and imported by the server all or nothing; problems listed by file row. */
export function CameraImport({ onImported, onClose }: { onImported: (count: number) => void; onClose: () => void }) {
  const t = useTranslations('cameras');
  const id = useId();
  const [file, setFile] = useState<{ name: string; csv: CameraCsv }>();
  const [importing, setImporting] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [rowErrors, setRowErrors] = useState<ImportRowError[]>([]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setFailure(undefined);
    setRowErrors([]);
    setFile(chosen ? { name: chosen.name, csv: readCameraCsv(await chosen.text()) } : undefined);
  };

  const submit = async () => {
    if (!file) return;
    setImporting(true);
    setFailure(undefined);
    setRowErrors([]);
    try {
      const result = await apiFetch<{ imported: number; items: Camera[] }>('/api/v1/cameras/import', { method: 'POST', json: { rows: file.csv.rows } });
      onImported(result.imported);
    } catch (error) {
      setFailure(t('importDialog.failed', { message: error instanceof Error ? error.message : String(error) }));
      if (error instanceof ApiError && Array.isArray(error.details)) setRowErrors((error.details as ImportRowError[]).filter((detail) => typeof detail.row === 'number'));
      setImporting(false);
    }
  };

  const problemText = (problem: CsvProblem) => {
    switch (problem.code) {
      case 'missingColumn':
      case 'unknownColumn':
        return t(`importDialog.problems.${problem.code}`, { column: problem.column });
      case 'parse':
        return t('importDialog.problems.parse', { row: String(problem.line), message: problem.message });
      case 'empty':
        return t('importDialog.problems.empty');
    }
  };
  const fieldLabel = (path: string) => {
    const head = path.split('.')[0] ?? path;
    return (knownFields as readonly string[]).includes(head) ? t(`importDialog.fields.${head as (typeof knownFields)[number]}`) : t('importDialog.fields.row');
  };
  const fileRow = (row: number) => file?.csv.lines[row - 1] ?? row + 1;
  const problems = file?.csv.problems ?? [];
  const ready = file && problems.length === 0 && file.csv.rows.length > 0;

  return (
    <ModalDialog title={t('importDialog.title')} onClose={onClose} className="camera-dialog">
      <p className="panel-hint">{t('importDialog.columns')}</p>
      <p className="panel-hint">{t('importDialog.allOrNothing')}</p>
      <div className="field">
        <label htmlFor={id}>{t('importDialog.file')}</label>
        <input id={id} type="file" accept=".csv,text/csv" onChange={(event) => void choose(event)} />
      </div>
      {file && problems.length === 0 ? <p role="status">{t('importDialog.parsed', { count: file.csv.rows.length, file: file.name })}</p> : null}
      {problems.length > 0 ? (
        <ul className="import-problems" role="alert">
          {problems.map((problem, index) => (
            <li key={index}>{problemText(problem)}</li>
          ))}
        </ul>
      ) : null}
      {failure ? (
        <div className="alert-error" role="alert">
          <p>{failure}</p>
          {rowErrors.length > 0 ? (
            <>
              <h3 className="panel-title">{t('importDialog.rowErrorsTitle')}</h3>
              <ul className="import-row-errors">
                {rowErrors.map((error, index) => (
                  <li key={index}>
                    <strong>{t('importDialog.rowError', { row: String(fileRow(error.row)) })}</strong> · {fieldLabel(error.path)}: {error.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button" disabled={!ready || importing} onClick={() => void submit()}>
          {importing ? t('importDialog.importing') : t('importDialog.submit', { count: file?.csv.rows.length ?? 0 })}
        </button>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('actions.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
