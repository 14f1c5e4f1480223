/** A connected group of changed grid cells, in grid coordinates (inclusive bounds). */
export interface GridRegion {
  left: number;
  top: number;
  right: number;
  bottom: number;
  cells: number;
}

/** Labels 8-connected groups of set cells with an explicit stack (no recursion depth limit on large regions). */
export function findRegions(mask: Uint8Array, columns: number, rows: number): GridRegion[] {
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  const regions: GridRegion[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const region: GridRegion = { left: columns, top: rows, right: -1, bottom: -1, cells: 0 };
    let depth = 0;
    stack[depth++] = start;
    seen[start] = 1;
    while (depth > 0) {
      const index = stack[--depth]!;
      const column = index % columns;
      const row = (index - column) / columns;
      region.cells += 1;
      if (column < region.left) region.left = column;
      if (column > region.right) region.right = column;
      if (row < region.top) region.top = row;
      if (row > region.bottom) region.bottom = row;
      for (let dy = -1; dy <= 1; dy++) {
        const y = row + dy;
        if (y < 0 || y >= rows) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const x = column + dx;
          if (x < 0 || x >= columns) continue;
          const neighbour = y * columns + x;
          if (mask[neighbour] && !seen[neighbour]) {
            seen[neighbour] = 1;
            stack[depth++] = neighbour;
          }
        }
      }
    }
    regions.push(region);
  }
  return regions;
}
