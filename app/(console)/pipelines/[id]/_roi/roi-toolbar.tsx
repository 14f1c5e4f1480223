'use client';

import type { RoiTool } from './roi-model';
import type { RoiRegionsState } from './use-roi-regions';

const tools: { tool: RoiTool; label: string; hint: string }[] = [
  { tool: 'select', label: 'Select', hint: 'Click a region or a vertex to select it; drag vertices to move them; Delete removes the selection.' },
  { tool: 'polygon', label: 'Polygon', hint: 'Click to add corners; double-click or Enter closes the polygon; Escape cancels.' },
  { tool: 'line', label: 'Line', hint: 'Click the two ends (A, then B); choose the crossing direction in the list.' },
  { tool: 'point', label: 'Point', hint: 'Click to place a point.' },
];

export function RoiToolbar({ state }: { state: RoiRegionsState }) {
  const active = tools.find((item) => item.tool === state.tool)!;
  const canClose = state.draft?.kind === 'polygon' && state.draft.points.length >= 3;
  return (
    <div className="roi-toolbar">
      <div className="toolbar-group" role="toolbar" aria-label="Drawing tools">
        {tools.map((item) => (
          <button key={item.tool} type="button" className="button button-quiet button-small" aria-pressed={state.tool === item.tool} onClick={() => state.setTool(item.tool)} aria-label={`${item.label} tool`}>
            {item.label}
          </button>
        ))}
        <button type="button" className="button button-quiet button-small" disabled={!canClose} onClick={state.closePolygon} aria-label="Close polygon">
          Close polygon
        </button>
        <button type="button" className="button button-quiet button-small" disabled={!state.selection} onClick={state.removeSelection} aria-label="Delete selected vertex or region">
          Delete selected
        </button>
      </div>
      <p className="panel-hint" aria-live="polite">
        {state.notice ?? active.hint}
      </p>
    </div>
  );
}
