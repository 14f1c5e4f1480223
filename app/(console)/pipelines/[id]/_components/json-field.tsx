'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';

/** Fields without a dedicated control (schedule, params) as JSON; nothing is stored until it parses. */
export function JsonField({ id, label, value, error, onChange }: { id: string; label: string; value: unknown; error: string | undefined; onChange: (value: unknown) => void }) {
  const t = useTranslations('canvas.inspector');
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [syntaxError, setSyntaxError] = useState<string | null>(null);
  const shown = syntaxError ?? error;
  const errorId = shown ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{t('json', { label })}</label>
      <textarea
        id={id}
        rows={4}
        spellCheck={false}
        value={text}
        aria-describedby={errorId}
        aria-invalid={shown ? true : undefined}
        placeholder={t('jsonEmpty')}
        onChange={(event) => {
          setText(event.target.value);
          if (event.target.value.trim() === '') {
            setSyntaxError(null);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(event.target.value));
            setSyntaxError(null);
          } catch (failure) {
            setSyntaxError(t('jsonInvalid', { message: failure instanceof Error ? failure.message : String(failure) }));
          }
        }}
      />
      {shown ? (
        <span id={errorId} className="field-error">
          {shown}
        </span>
      ) : null}
    </div>
  );
}
