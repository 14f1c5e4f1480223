'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';
import { renderText } from '../_lib/canvas-text';
import { fieldLabel, optionLabel, type ConfigField } from '../_lib/config-fields';
import { JsonField } from './json-field';

export interface FieldProps {
  field: ConfigField;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
  /** Options for camera/algorithm references: [id, label]. */
  choices?: [string, string][];
  onEditRegions?: () => void;
}

/** Text kept as typed (so "0." or "a, " can be typed), handed up parsed; the inspector remounts fields on undo. */
function TextualInput({ id, field, value, onChange, describedBy }: { id: string; field: ConfigField; value: unknown; onChange: (value: unknown) => void; describedBy: string | undefined }) {
  const t = useTranslations('canvas.inspector');
  const numeric = field.kind === 'number' || field.kind === 'integer';
  const format = (input: unknown) => (Array.isArray(input) ? input.join(', ') : input === undefined || input === null ? '' : String(input));
  const [text, setText] = useState(() => format(value));
  const parse = (raw: string): unknown => {
    if (field.kind === 'string-list') return raw.split(',').map((item) => item.trim()).filter(Boolean);
    if (numeric) return raw.trim() === '' ? undefined : Number(raw);
    return raw;
  };
  return (
    <input
      id={id}
      type={numeric ? 'number' : 'text'}
      step={field.kind === 'integer' ? 1 : 'any'}
      min={field.minimum}
      max={field.maximum}
      value={text}
      aria-describedby={describedBy}
      aria-invalid={describedBy ? true : undefined}
      placeholder={field.kind === 'string-list' ? t('commaSeparated') : field.defaultValue !== undefined ? t('defaultValue', { value: String(field.defaultValue) }) : undefined}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

export function ConfigFieldInput({ field, value, error, onChange, choices, onEditRegions }: FieldProps) {
  const id = useId();
  const t = useTranslations('canvas');
  const errorId = error ? `${id}-error` : undefined;
  const label = renderText(t, fieldLabel(field.key));
  let control;
  if (field.kind === 'boolean') {
    control = <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(event.target.checked)} aria-describedby={errorId} />;
  } else if (field.kind === 'enum' || field.kind === 'camera' || field.kind === 'algorithm') {
    const options = field.kind === 'enum' ? field.options.map((option): [string, string] => [option, renderText(t, optionLabel(option))]) : (choices ?? []);
    const current = typeof value === 'string' ? value : '';
    const known = current === '' || options.some(([option]) => option === current);
    control = (
      <select id={id} value={current} onChange={(event) => onChange(event.target.value)} aria-describedby={errorId} aria-invalid={error ? true : undefined}>
        {field.kind === 'enum' ? null : <option value="">{t('inspector.choose')}</option>}
        {known ? null : <option value={current}>{t('inspector.notFound', { value: current })}</option>}
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'regions') {
    const count = Array.isArray(value) ? value.length : 0;
    // A <label for> would rename the button; the field title is plain text here.
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <button type="button" className="button button-quiet" onClick={onEditRegions} aria-describedby={errorId}>
          {t('inspector.editRegions', { count })}
        </button>
        {error ? (
          <span id={errorId} className="field-error">
            {error}
          </span>
        ) : null}
      </div>
    );
  } else if (field.kind === 'json') {
    return <JsonField id={id} label={label} value={value} error={error} onChange={onChange} />;
  } else {
    control = <TextualInput id={id} field={field} value={value} onChange={onChange} describedBy={errorId} />;
  }
  return (
    <div className={`field${field.kind === 'boolean' ? ' field-inline' : ''}`}>
      <label htmlFor={id}>
        {label}
        {field.required ? <span className="field-required">{t('inspector.required')}</span> : null}
      </label>
      {control}
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
