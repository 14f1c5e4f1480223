'use client';

import { useEffect, useState } from 'react';
import { useFormatter, useTranslations } from 'use-intl';
import { clampPage, columnsFor, gridSizes, isGridSize, pageCount, pageItems, pageOfItem, type GridSize } from '../_lib/grid-paging';
import type { LiveTile as Tile } from '../_lib/restream-tiles';
import { CameraDetail } from './camera-detail';
import { LiveTile } from './live-tile';
import { tileState, useStreamStatus } from './use-stream-status';

const sizeStorageKey = 'vigil.live.gridSize';

/** 1/4/9/16 tiles per page; only the current page's tiles mount players, so other pages cost no bandwidth. */
export function LiveGrid({ tiles }: { tiles: Tile[] }) {
  const t = useTranslations('live');
  const format = useFormatter();
  const { streams, error } = useStreamStatus();
  const [size, setSize] = useState<GridSize>(4);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<Tile>();

  useEffect(() => {
    const stored = Number(window.localStorage.getItem(sizeStorageKey));
    if (isGridSize(stored)) setSize(stored);
  }, []);

  const current = clampPage(page, tiles.length, size);
  const pages = pageCount(tiles.length, size);
  const choose = (next: GridSize) => {
    setPage(pageOfItem(current * size, next));
    setSize(next);
    window.localStorage.setItem(sizeStorageKey, String(next));
  };

  return (
    <section className="live-grid-screen" aria-label={t('title')}>
      <div className="live-toolbar">
        <div role="group" aria-label={t('layout.label')} className="toolbar-group">
          <span className="live-toolbar-label" aria-hidden="true">
            {t('layout.label')}
          </span>
          {gridSizes.map((option) => (
            <button key={option} type="button" className="button button-small button-quiet" aria-pressed={option === size} onClick={() => choose(option)}>
              {t('layout.option', { count: option })}
            </button>
          ))}
        </div>
        <span className="live-count">{t('streamCount', { count: tiles.length })}</span>
        {pages > 1 ? (
          <nav aria-label={t('paging.label')} className="toolbar-group">
            <button type="button" className="button button-small button-quiet" disabled={current === 0} onClick={() => setPage(current - 1)}>
              {t('paging.previous')}
            </button>
            <span aria-live="polite">{t('paging.position', { page: format.number(current + 1), pages: format.number(pages) })}</span>
            <button type="button" className="button button-small button-quiet" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              {t('paging.next')}
            </button>
          </nav>
        ) : null}
      </div>
      <ul className="live-tiles" style={{ gridTemplateColumns: `repeat(${columnsFor(size)}, minmax(0, 1fr))` }} data-size={size}>
        {pageItems(tiles, size, current).map((tile) => (
          <LiveTile key={tile.path} tile={tile} state={tileState(tile.path, streams, error)} active={!open} onOpen={() => setOpen(tile)} />
        ))}
      </ul>
      {/* While the larger view is open the grid's players stop: the same stream is not pulled twice. */}
      {open ? <CameraDetail tile={open} state={tileState(open.path, streams, error)} onClose={() => setOpen(undefined)} /> : null}
    </section>
  );
}
