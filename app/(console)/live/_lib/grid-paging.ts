/** Tiles per page the grid offers: 1×1, 2×2, 3×3, 4×4. */
export const gridSizes = [1, 4, 9, 16] as const;
export type GridSize = (typeof gridSizes)[number];

export function isGridSize(value: unknown): value is GridSize {
  return (gridSizes as readonly unknown[]).includes(value);
}

export function pageCount(total: number, size: GridSize): number {
  return Math.max(1, Math.ceil(total / size));
}

/** A page that still exists after streams went away or the grid grew (0-based). */
export function clampPage(page: number, total: number, size: GridSize): number {
  return Math.min(Math.max(0, Math.floor(page)), pageCount(total, size) - 1);
}

/** The items on one page; only these get a player, so off-page streams cost nothing. */
export function pageItems<T>(items: readonly T[], size: GridSize, page: number): T[] {
  const start = clampPage(page, items.length, size) * size;
  return items.slice(start, start + size);
}

/** The page that shows item `index`, so that changing the size keeps the first visible tile in view. */
export function pageOfItem(index: number, size: GridSize): number {
  return Math.floor(Math.max(0, index) / size);
}

export function columnsFor(size: GridSize): number {
  return Math.round(Math.sqrt(size));
}
