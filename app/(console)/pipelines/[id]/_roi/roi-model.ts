import type { NormalisedPoint, Roi, RoiKind } from '@/lib/geometry/roi';

export type RoiTool = 'select' | RoiKind;
export interface RoiSelection {
  regionId: string;
  vertex: number | null;
}
export interface RoiDraft {
  kind: 'polygon' | 'line';
  points: NormalisedPoint[];
}

/** The words new regions are named with ("Area 2"); the editor passes them in the reader's language. */
export type RegionKindNames = Record<RoiKind, string>;
export const englishKindNames: RegionKindNames = { polygon: 'Area', line: 'Line', point: 'Point' };
/** Vertices closer than this (normalised) count as the same click: a double-click must not add two. */
const sameSpot = 0.006;

export const clampPoint = ([x, y]: readonly [number, number]): NormalisedPoint => [
  Math.round(Math.min(1, Math.max(0, x)) * 10_000) / 10_000,
  Math.round(Math.min(1, Math.max(0, y)) * 10_000) / 10_000,
];

export const isSameSpot = (a: NormalisedPoint | undefined, b: NormalisedPoint) => a !== undefined && Math.hypot(a[0] - b[0], a[1] - b[1]) < sameSpot;

/** A new region with the next free id and a readable default name ("Area 2", "Line 1"). */
export function newRegion(existing: readonly Roi[], kind: RoiKind, points: NormalisedPoint[], kindNames: RegionKindNames = englishKindNames): Roi {
  const ids = new Set(existing.map((region) => region.id));
  let index = existing.length + 1;
  while (ids.has(`region-${index}`)) index += 1;
  const sameKind = existing.filter((region) => region.kind === kind).length + 1;
  const region: Roi = { id: `region-${index}`, name: `${kindNames[kind]} ${sameKind}`, kind, points };
  if (kind === 'line') region.direction = 'both';
  return region;
}

const minimumPoints: Record<RoiKind, number> = { polygon: 3, line: 2, point: 1 };

/** Deleting a vertex below a shape's minimum deletes the region instead. */
export function deleteSelected(regions: readonly Roi[], selection: RoiSelection): Roi[] {
  const region = regions.find((item) => item.id === selection.regionId);
  if (!region) return [...regions];
  if (selection.vertex === null || region.points.length <= minimumPoints[region.kind]) return regions.filter((item) => item.id !== region.id);
  return regions.map((item) => (item.id === region.id ? { ...item, points: item.points.filter((_, index) => index !== selection.vertex) } : item));
}

export function moveVertex(regions: readonly Roi[], regionId: string, vertex: number, point: NormalisedPoint): Roi[] {
  return regions.map((region) => (region.id === regionId ? { ...region, points: region.points.map((old, index) => (index === vertex ? clampPoint(point) : old)) } : region));
}

export function patchRegion(regions: readonly Roi[], regionId: string, patch: Partial<Pick<Roi, 'name' | 'direction'>>): Roi[] {
  return regions.map((region) => (region.id === regionId ? { ...region, ...patch } : region));
}
