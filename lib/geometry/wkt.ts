import type { Roi } from './roi';

/**
 * Extreme Vision's configuration protocol carries regions as arrays of WKT strings keyed `polygon_1`,
 * `line_1`, `point_1`…, listed in `roi_type` (see notes/extreme-vision.md §4). Coordinates are 0–1.
 */
export type EvRoiConfig = Record<string, string | string[]>;

const keyPrefix: Record<Roi['kind'], string> = { polygon: 'polygon', line: 'line', point: 'point' };

const formatNumber = (value: number) => String(Number(value.toFixed(6)));
const formatPoints = (points: Roi['points']) => points.map(([x, y]) => `${formatNumber(x)} ${formatNumber(y)}`).join(', ');

export function roiToWkt(roi: Roi): string {
  if (roi.kind === 'polygon') return `POLYGON((${formatPoints([...roi.points, roi.points[0]!])}))`;
  if (roi.kind === 'line') return `LINESTRING(${formatPoints(roi.points)})`;
  return `POINT(${formatPoints(roi.points)})`;
}

/** Regions → the EV config object: one key per region, numbered per kind, and roi_type listing them. */
export function roisToWkt(rois: Roi[]): EvRoiConfig {
  const counters = { polygon: 0, line: 0, point: 0 };
  const config: EvRoiConfig = {};
  const keys: string[] = [];
  for (const roi of rois) {
    counters[roi.kind] += 1;
    const key = `${keyPrefix[roi.kind]}_${counters[roi.kind]}`;
    keys.push(key);
    config[key] = [roiToWkt(roi)];
  }
  return { roi_type: keys.join(';'), ...config };
}

function parsePoints(body: string, where: string): [number, number][] {
  return body.split(',').map((pair) => {
    const numbers = pair.trim().split(/\s+/).map(Number);
    const [x, y] = numbers;
    if (numbers.length !== 2 || x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new Error(`${where}: "${pair.trim()}" is not an "x y" pair`);
    }
    if (x < 0 || x > 1 || y < 0 || y > 1) throw new Error(`${where}: coordinates must be normalised 0–1, got ${x} ${y}`);
    return [x, y];
  });
}

/** One WKT string → a region; throws an Error naming the key when it cannot be read. */
export function roiFromWkt(wkt: string, id: string): Roi {
  const match = /^\s*(POLYGON|LINESTRING|POINT)\s*\(\s*(\(?)([^()]*)\)?\s*\)\s*$/i.exec(wkt);
  if (!match) throw new Error(`${id}: "${wkt}" is not a POLYGON, LINESTRING or POINT`);
  const kindWord = match[1]!.toUpperCase();
  const points = parsePoints(match[3]!, id);
  if (kindWord === 'POLYGON') {
    const first = points[0];
    const last = points.at(-1);
    // WKT closes polygons by repeating the first point; Vigil stores the ring open.
    const open = points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? points.slice(0, -1) : points;
    if (open.length < 3) throw new Error(`${id}: a polygon needs at least 3 points`);
    return { id, name: id, kind: 'polygon', points: open };
  }
  if (kindWord === 'LINESTRING') {
    if (points.length < 2) throw new Error(`${id}: a line needs at least 2 points`);
    return { id, name: id, kind: 'line', points, direction: 'both' };
  }
  if (points.length !== 1) throw new Error(`${id}: a point has exactly one coordinate pair`);
  return { id, name: id, kind: 'point', points };
}

/** The EV config object → regions. Keys listed in roi_type are read (or every polygon_/line_/point_ key without it). */
export function roisFromWkt(config: EvRoiConfig): Roi[] {
  const listed = typeof config.roi_type === 'string' && config.roi_type.trim() ? config.roi_type.split(';').map((key) => key.trim()).filter(Boolean) : undefined;
  const keys = listed ?? Object.keys(config).filter((key) => /^(polygon|line|point)_\d+$/.test(key));
  const regions: Roi[] = [];
  for (const key of keys) {
    const value = config[key];
    if (value === undefined) throw new Error(`roi_type lists "${key}" but there is no such key`);
    const items = Array.isArray(value) ? value : [value];
    items.forEach((wkt, index) => regions.push(roiFromWkt(wkt, items.length > 1 ? `${key}_${index + 1}` : key)));
  }
  return regions;
}
