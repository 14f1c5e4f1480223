'use client';

import { useCallback, useMemo, useReducer } from 'react';
import type { NormalisedPoint, Roi } from '@/lib/geometry/roi';
import { deleteSelected, isSameSpot, moveVertex, newRegion, patchRegion, type RegionKindNames, type RoiDraft, type RoiSelection, type RoiTool } from './roi-model';

/** Hints the editor may show instead of the active tool's (keys of canvas.roi.notices). */
export type RoiNotice = 'polygonNeedsCorners';

interface RoiEditorState {
  regions: Roi[];
  draft: RoiDraft | null;
  selection: RoiSelection | null;
  tool: RoiTool;
  notice: RoiNotice | null;
  /** New regions are named "Area 1", "区域 1"… in the reader's language. */
  kindNames: RegionKindNames;
}

type RoiAction =
  | { type: 'tool'; tool: RoiTool }
  | { type: 'click'; point: NormalisedPoint }
  | { type: 'close-polygon' }
  | { type: 'cancel-draft' }
  | { type: 'select'; selection: RoiSelection | null }
  | { type: 'remove-selection' }
  | { type: 'remove-region'; regionId: string }
  | { type: 'move'; regionId: string; vertex: number; point: NormalisedPoint }
  | { type: 'patch'; regionId: string; change: Partial<Pick<Roi, 'name' | 'direction'>> }
  | { type: 'replace'; regions: Roi[] };

const withRegion = (state: RoiEditorState, region: Roi): RoiEditorState => ({ ...state, regions: [...state.regions, region], draft: null, selection: { regionId: region.id, vertex: null }, notice: null });

// A reducer, so that a click and the double-click right after it both see the latest draft.
function reduce(state: RoiEditorState, action: RoiAction): RoiEditorState {
  switch (action.type) {
    case 'tool':
      return { ...state, tool: action.tool, draft: null, notice: null };
    case 'click': {
      const { tool, draft, regions } = state;
      if (tool === 'select') return { ...state, selection: null };
      if (tool === 'point') return withRegion(state, newRegion(regions, 'point', [action.point], state.kindNames));
      if (!draft) return { ...state, draft: { kind: tool, points: [action.point] }, notice: null };
      if (isSameSpot(draft.points.at(-1), action.point)) return state;
      if (draft.kind === 'line') return withRegion(state, newRegion(regions, 'line', [draft.points[0]!, action.point], state.kindNames));
      return { ...state, draft: { ...draft, points: [...draft.points, action.point] } };
    }
    case 'close-polygon':
      if (state.draft?.kind !== 'polygon') return state;
      if (state.draft.points.length < 3) return { ...state, notice: 'polygonNeedsCorners' };
      return withRegion(state, newRegion(state.regions, 'polygon', state.draft.points, state.kindNames));
    case 'cancel-draft':
      return { ...state, draft: null };
    case 'select':
      return { ...state, selection: action.selection };
    case 'remove-selection':
      return state.selection ? { ...state, regions: deleteSelected(state.regions, state.selection), selection: null } : state;
    case 'remove-region':
      return { ...state, regions: state.regions.filter((region) => region.id !== action.regionId), selection: null };
    case 'move':
      return { ...state, regions: moveVertex(state.regions, action.regionId, action.vertex, action.point) };
    case 'patch':
      return { ...state, regions: patchRegion(state.regions, action.regionId, action.change) };
    case 'replace':
      return { ...state, regions: action.regions, selection: null, draft: null };
  }
}

/** The ROI editor's working copy: regions, the shape being drawn, the selection and the active tool. */
export function useRoiRegions(initial: Roi[], kindNames: RegionKindNames) {
  const [state, dispatch] = useReducer(reduce, { regions: initial, draft: null, selection: null, tool: 'select', notice: null, kindNames });
  const commands = useMemo(
    () => ({
      setTool: (tool: RoiTool) => dispatch({ type: 'tool', tool }),
      clickAt: (point: NormalisedPoint) => dispatch({ type: 'click', point }),
      closePolygon: () => dispatch({ type: 'close-polygon' }),
      cancelDraft: () => dispatch({ type: 'cancel-draft' }),
      select: (selection: RoiSelection | null) => dispatch({ type: 'select', selection }),
      removeSelection: () => dispatch({ type: 'remove-selection' }),
      removeRegion: (regionId: string) => dispatch({ type: 'remove-region', regionId }),
      move: (regionId: string, vertex: number, point: NormalisedPoint) => dispatch({ type: 'move', regionId, vertex, point }),
      patch: (regionId: string, change: Partial<Pick<Roi, 'name' | 'direction'>>) => dispatch({ type: 'patch', regionId, change }),
    }),
    [],
  );
  const replaceAll = useCallback((regions: Roi[]) => dispatch({ type: 'replace', regions }), []);
  return { ...state, ...commands, replaceAll };
}

export type RoiRegionsState = ReturnType<typeof useRoiRegions>;
