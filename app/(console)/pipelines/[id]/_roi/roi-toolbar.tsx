'use client';

import { useTranslations } from 'use-intl';
import type { RoiTool } from './roi-model';
import type { RoiRegionsState } from './use-roi-regions';

const tools: RoiTool[] = ['select', 'polygon', 'line', 'point'];

export function RoiToolbar({ state }: { state: RoiRegionsState }) {
  const t = useTranslations('canvas.roi');
  const canClose = state.draft?.kind === 'polygon' && state.draft.points.length >= 3;
  return (
    <div className="roi-toolbar">
      <div className="toolbar-group" role="toolbar" aria-label={t('toolbar')}>
        {tools.map((tool) => (
          <button key={tool} type="button" className="button button-quiet button-small" aria-pressed={state.tool === tool} onClick={() => state.setTool(tool)} aria-label={t('toolLabel', { tool: t(`tools.${tool}.label`) })}>
            {t(`tools.${tool}.label`)}
          </button>
        ))}
        <button type="button" className="button button-quiet button-small" disabled={!canClose} onClick={state.closePolygon} aria-label={t('closePolygon')}>
          {t('closePolygon')}
        </button>
        <button type="button" className="button button-quiet button-small" disabled={!state.selection} onClick={state.removeSelection} aria-label={t('deleteSelectedLabel')}>
          {t('deleteSelected')}
        </button>
      </div>
      <p className="panel-hint" aria-live="polite">
        {state.notice ? t(`notices.${state.notice}`) : t(`tools.${state.tool}.hint`)}
      </p>
    </div>
  );
}
