'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Roi } from '@/lib/geometry/roi';
import { roisFromWkt, roisToWkt, type EvRoiConfig } from '@/lib/geometry/wkt';

/** Regions as Extreme Vision's WKT config (JSON) and back. WKT has no names or directions: imports get defaults. */
export function RoiWktPanel({ regions, onImport }: { regions: Roi[]; onImport: (regions: Roi[]) => void }) {
  const id = useId();
  const t = useTranslations('canvas.roi.wkt');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const exportWkt = () => {
    setText(JSON.stringify(roisToWkt(regions), null, 2));
    setMessage({ tone: 'info', text: t('exported', { count: regions.length }) });
  };
  const importWkt = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(t('notObject', { example: '{"roi_type": "polygon_1", "polygon_1": ["POLYGON((…))"]}' }));
      const imported = roisFromWkt(parsed as EvRoiConfig);
      if (imported.length === 0) throw new Error(t('noRegions'));
      onImport(imported);
      setMessage({ tone: 'info', text: t('imported', { count: imported.length }) });
    } catch (failure) {
      setMessage({ tone: 'error', text: t('cannotImport', { message: failure instanceof Error ? failure.message : String(failure) }) });
    }
  };
  return (
    <details className="roi-wkt">
      <summary>{t('summary')}</summary>
      <div className="field">
        <label htmlFor={id}>{t('config')}</label>
        <textarea id={id} rows={6} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="field-row">
        <button type="button" className="button button-quiet button-small" onClick={exportWkt}>
          {t('export')}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={importWkt} disabled={text.trim() === ''}>
          {t('import')}
        </button>
      </div>
      {message ? (
        <p className={message.tone === 'error' ? 'field-error' : 'panel-hint'} role={message.tone === 'error' ? 'alert' : undefined}>
          {message.text}
        </p>
      ) : null}
    </details>
  );
}
