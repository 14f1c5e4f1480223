'use client';

import { crossingDirections } from '@/lib/geometry/roi';
import type { RoiRegionsState } from './use-roi-regions';

const directionLabels = { 'a-to-b': 'A → B', 'b-to-a': 'B → A', both: 'Both ways' } as const;

/** Every region by name: rename, choose a line's crossing direction, select or delete. */
export function RoiRegionList({ state }: { state: RoiRegionsState }) {
  if (state.regions.length === 0) return <p className="panel-hint">No regions yet: pick a tool and click on the image.</p>;
  return (
    <ul className="roi-region-list" aria-label="Regions">
      {state.regions.map((region) => {
        const selected = state.selection?.regionId === region.id;
        return (
          <li key={region.id} className={selected ? 'roi-region roi-region-selected' : 'roi-region'} data-region-kind={region.kind}>
            <div className="roi-region-row">
              <input
                type="text"
                value={region.name}
                maxLength={100}
                aria-label={`Name of ${region.kind} ${region.id}`}
                onChange={(event) => state.patch(region.id, { name: event.target.value })}
              />
              <span className="roi-kind">{region.kind}</span>
            </div>
            <div className="roi-region-row">
              <span className="panel-hint">{region.points.length} point{region.points.length === 1 ? '' : 's'}</span>
              {region.kind === 'line' ? (
                <select value={region.direction ?? 'both'} aria-label={`Crossing direction of ${region.name || region.id}`} onChange={(event) => state.patch(region.id, { direction: event.target.value as (typeof crossingDirections)[number] })}>
                  {crossingDirections.map((direction) => (
                    <option key={direction} value={direction}>
                      {directionLabels[direction]}
                    </option>
                  ))}
                </select>
              ) : null}
              <button type="button" className="button button-quiet button-small" aria-pressed={selected} onClick={() => state.select(selected ? null : { regionId: region.id, vertex: null })} aria-label={`Select ${region.name || region.id}`}>
                Select
              </button>
              <button type="button" className="button button-quiet button-small" onClick={() => state.removeRegion(region.id)} aria-label={`Delete ${region.name || region.id}`}>
                Delete
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
