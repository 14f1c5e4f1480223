'use client';

import { useId, useState } from 'react';
import type { Roi } from '@/lib/geometry/roi';
import { roisFromWkt, roisToWkt, type EvRoiConfig } from '@/lib/geometry/wkt';

/** Regions as Extreme Vision's WKT config (JSON) and back. WKT has no names or directions: imports get defaults. */
export function RoiWktPanel({ regions, onImport }: { regions: Roi[]; onImport: (regions: Roi[]) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const exportWkt = () => {
    setText(JSON.stringify(roisToWkt(regions), null, 2));
    setMessage({ tone: 'info', text: `Exported ${regions.length} region(s).` });
  };
  const importWkt = () => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object such as {"roi_type": "polygon_1", "polygon_1": ["POLYGON((…))"]}');
      const imported = roisFromWkt(parsed as EvRoiConfig);
      if (imported.length === 0) throw new Error('it holds no regions');
      onImport(imported);
      setMessage({ tone: 'info', text: `Imported ${imported.length} region(s); they replace the ones drawn.` });
    } catch (failure) {
      setMessage({ tone: 'error', text: `Cannot import: ${failure instanceof Error ? failure.message : String(failure)}` });
    }
  };
  return (
    <details className="roi-wkt">
      <summary>EV WKT export / import</summary>
      <div className="field">
        <label htmlFor={id}>EV region config (JSON)</label>
        <textarea id={id} rows={6} spellCheck={false} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="field-row">
        <button type="button" className="button button-quiet button-small" onClick={exportWkt}>
          Export
        </button>
        <button type="button" className="button button-quiet button-small" onClick={importWkt} disabled={text.trim() === ''}>
          Import
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
