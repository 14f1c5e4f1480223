'use client';

import { useTranslations } from 'use-intl';
import { crossingDirections } from '@/lib/geometry/roi';
import type { RoiRegionsState } from './use-roi-regions';

/** Every region by name: rename, choose a line's crossing direction, select or delete. */
export function RoiRegionList({ state }: { state: RoiRegionsState }) {
  const t = useTranslations('canvas.roi');
  if (state.regions.length === 0) return <p className="panel-hint">{t('empty')}</p>;
  return (
    <ul className="roi-region-list" aria-label={t('list')}>
      {state.regions.map((region) => {
        const selected = state.selection?.regionId === region.id;
        return (
          <li key={region.id} className={selected ? 'roi-region roi-region-selected' : 'roi-region'} data-region-kind={region.kind}>
            <div className="roi-region-row">
              <input
                type="text"
                value={region.name}
                maxLength={100}
                aria-label={t('nameOf', { kind: t(`kinds.${region.kind}`), id: region.id })}
                onChange={(event) => state.patch(region.id, { name: event.target.value })}
              />
              <span className="roi-kind">{t(`kinds.${region.kind}`)}</span>
            </div>
            <div className="roi-region-row">
              <span className="panel-hint">{t('points', { count: region.points.length })}</span>
              {region.kind === 'line' ? (
                <select value={region.direction ?? 'both'} aria-label={t('directionOf', { name: region.name || region.id })} onChange={(event) => state.patch(region.id, { direction: event.target.value as (typeof crossingDirections)[number] })}>
                  {crossingDirections.map((direction) => (
                    <option key={direction} value={direction}>
                      {t(`directions.${direction}`)}
                    </option>
                  ))}
                </select>
              ) : null}
              <button type="button" className="button button-quiet button-small" aria-pressed={selected} onClick={() => state.select(selected ? null : { regionId: region.id, vertex: null })} aria-label={t('selectLabel', { name: region.name || region.id })}>
                {t('select')}
              </button>
              <button type="button" className="button button-quiet button-small" onClick={() => state.removeRegion(region.id)} aria-label={t('deleteLabel', { name: region.name || region.id })}>
                {t('delete')}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
