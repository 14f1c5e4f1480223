'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { LiveTile as Tile } from '../_lib/restream-tiles';
import { TilePlayer } from './tile-player';
import { useOnScreen } from './use-on-screen';
import type { TileState } from './use-stream-status';

/** One stream in the grid: labelled with camera and pipeline; a status instead of video when there is no data. Plays only when on screen and active. */
export function LiveTile({ tile, state, active, onOpen }: { tile: Tile; state: TileState; active: boolean; onOpen: () => void }) {
  const t = useTranslations('live');
  const frame = useRef<HTMLButtonElement>(null);
  const onScreen = useOnScreen(frame);
  const [problem, setProblem] = useState<string>();
  const names = { camera: tile.cameraName, pipeline: tile.pipelineName };
  const status = statusText(t, state, problem);
  return (
    <li className="live-tile" data-path={tile.path}>
      {/* Named by its content, visible caption included (WCAG 2.5.3: label in name), after a hidden "open" phrase. */}
      <button ref={frame} type="button" className="live-tile-open" onClick={onOpen}>
        <span className="visually-hidden">{t('tile.open', names)}: </span>
        <span className="live-tile-screen">
          {state.kind === 'playable' && onScreen && active ? <TilePlayer key={`${state.url}@${state.since}`} url={state.url} label={t('tile.video', names)} onProblem={setProblem} /> : null}
          {status ? <span className={`live-tile-status live-tile-status-${state.kind}`}>{status}</span> : null}
        </span>
        <span className="live-tile-caption">
          <span className="live-tile-name">{t('tile.label', names)}</span>
          {state.kind === 'playable' && !problem ? <span className="live-badge">{t('status.playing')}</span> : null}
        </span>
      </button>
    </li>
  );
}

function statusText(t: ReturnType<typeof useTranslations<'live'>>, state: TileState, problem: string | undefined): string | undefined {
  switch (state.kind) {
    case 'playable':
      return problem;
    case 'starting':
      return t('status.starting');
    case 'reconnecting':
      return t('status.reconnecting');
    case 'noData':
      return t('status.noData');
    case 'mediaDown':
      return t('status.mediaDown', { message: state.message });
  }
}
