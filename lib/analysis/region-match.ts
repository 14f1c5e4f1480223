import type { Roi } from '../geometry/roi';
import { distance, pointInPolygon, segmentsIntersect, sideOfLine, type Point } from './geometry';

const defaultPointRadius = 0.05;

/** The zone (polygon or point) containing the anchor, if any. */
export function zoneContaining(anchor: Point, regions: readonly Roi[]): Roi | undefined {
  return regions.find((region) =>
    region.kind === 'polygon'
      ? pointInPolygon(anchor, region.points as Point[])
      : region.kind === 'point'
        ? distance(anchor, region.points[0] as Point) <= (region.radius ?? defaultPointRadius)
        : false,
  );
}

/**
 * Detects line crossings per track. `a-to-b` counts crossings from the left-hand to the right-hand side of
 * the line walked from its first point to its last (as seen on screen); `b-to-a` the reverse; `both` either.
 * The last side a track was on is remembered per line segment, so an anchor landing exactly on the line
 * (side 0) and stepping over on the next frame still counts.
 */
export class LineCrossings {
  private readonly lastSide = new Map<string, { side: 1 | -1; anchor: Point }>();

  /** The first line in `lines` that the track crossed in its counted direction since its last off-line position. */
  check(trackId: number, anchor: Point, lines: readonly Roi[]): Roi | undefined {
    let crossed: Roi | undefined;
    for (const line of lines) {
      for (let i = 0; i + 1 < line.points.length; i++) {
        const a = line.points[i] as Point;
        const b = line.points[i + 1] as Point;
        const side = sideOfLine(anchor, a, b);
        if (side === 0) continue;
        const key = `${trackId}|${line.id}|${i}`;
        const previous = this.lastSide.get(key);
        this.lastSide.set(key, { side, anchor });
        if (!previous || previous.side === side || !segmentsIntersect(previous.anchor, anchor, a, b)) continue;
        const direction = line.direction ?? 'both';
        if (direction === 'both' || (direction === 'a-to-b' && previous.side === -1) || (direction === 'b-to-a' && previous.side === 1)) crossed ??= line;
      }
    }
    return crossed;
  }

  /** Drops the memory of tracks that are gone. */
  retain(trackIds: ReadonlySet<number>): void {
    for (const key of [...this.lastSide.keys()]) if (!trackIds.has(Number(key.slice(0, key.indexOf('|'))))) this.lastSide.delete(key);
  }

  clear(): void {
    this.lastSide.clear();
  }
}
