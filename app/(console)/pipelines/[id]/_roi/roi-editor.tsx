'use client';

import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslations } from 'use-intl';
import { roiSchema, type Roi } from '@/lib/geometry/roi';
import { renderText } from '../_lib/canvas-text';
import type { FlowGraph, PipelineFlowNode } from '../_lib/flow-graph';
import { RoiCanvas } from './roi-canvas';
import { RoiRegionList } from './roi-region-list';
import { RoiToolbar } from './roi-toolbar';
import { RoiWktPanel } from './roi-wkt-panel';
import { findUpstreamCamera } from './upstream-camera';
import { useCameraSnapshot } from './use-camera-snapshot';
import { useRoiRegions } from './use-roi-regions';

const stageWidth = 720;
const isOneOf = (target: EventTarget, tags: string[]) => target instanceof HTMLElement && tags.includes(target.tagName);
const textControls = ['INPUT', 'TEXTAREA', 'SELECT'];

interface RoiEditorProps {
  node: PipelineFlowNode;
  graph: FlowGraph;
  onApply: (regions: Roi[]) => void;
  onClose: () => void;
}

/** A modal editor for a region node's polygons, lines and points, drawn on the upstream camera's frame. */
export function RoiEditor({ node, graph, onApply, onClose }: RoiEditorProps) {
  const t = useTranslations('canvas');
  const dialog = useRef<HTMLDialogElement>(null);
  const camera = findUpstreamCamera(graph, node.id);
  const cameraId = typeof camera?.data.cameraId === 'string' && camera.data.cameraId ? camera.data.cameraId : null;
  const { snapshot, retry } = useCameraSnapshot(cameraId);
  const initial = useMemo(() => (Array.isArray(node.data.regions) ? node.data.regions.flatMap((item) => {
    const parsed = roiSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }) : []), [node.data.regions]);
  const state = useRoiRegions(initial, { polygon: t('roi.kindNames.polygon'), line: t('roi.kindNames.line'), point: t('roi.kindNames.point') });

  const aspect = snapshot.status === 'ready' ? snapshot.image.naturalWidth / snapshot.image.naturalHeight : Number(camera?.data.width ?? 640) / Number(camera?.data.height ?? 360);
  const size = { width: stageWidth, height: Math.round(stageWidth / (Number.isFinite(aspect) && aspect > 0 ? aspect : 16 / 9)) };

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && state.draft) {
      event.preventDefault();
      state.cancelDraft();
    } else if (event.key === 'Enter' && state.draft && !isOneOf(event.target, [...textControls, 'BUTTON', 'SUMMARY'])) {
      event.preventDefault();
      state.closePolygon();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && state.selection && !isOneOf(event.target, textControls)) {
      event.preventDefault();
      state.removeSelection();
    }
  };

  return (
    <dialog ref={dialog} className="roi-dialog" aria-labelledby="roi-editor-title" onClose={onClose} onKeyDown={onKeyDown}>
      <header className="roi-header">
        <h2 id="roi-editor-title">{t('roi.title', { id: node.id })}</h2>
        <span className="panel-hint">{camera ? t(cameraId ? 'roi.imageFrom' : 'roi.imageFromUnchosen', { camera: camera.id }) : t('roi.noUpstreamCamera')}</span>
      </header>
      <div className="roi-body">
        <div className="roi-main">
          <RoiToolbar state={state} />
          {snapshot.status === 'error' ? (
            <div className="alert-error roi-snapshot-error" role="alert">
              {t('roi.noImage', { message: renderText(t, snapshot.message) })}{' '}
              <button type="button" className="link-button" onClick={retry}>
                {t('roi.tryAgain')}
              </button>
            </div>
          ) : null}
          {snapshot.status === 'none' ? (
            <p className="panel-hint">{t('roi.connectHint')}</p>
          ) : null}
          <RoiCanvas size={size} snapshot={snapshot} state={state} />
        </div>
        <div className="roi-side">
          <h3 className="panel-title">{t('roi.regionsTitle', { count: state.regions.length })}</h3>
          <RoiRegionList state={state} />
          <RoiWktPanel regions={state.regions} onImport={state.replaceAll} />
        </div>
      </div>
      <footer className="roi-footer">
        <button type="button" className="button button-quiet" onClick={() => dialog.current?.close()}>
          {t('roi.cancel')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            onApply(state.regions);
            dialog.current?.close();
          }}
        >
          {t('roi.apply')}
        </button>
      </footer>
    </dialog>
  );
}
