import { describe, expect, it } from 'vitest';
import { clampPage, columnsFor, isGridSize, pageCount, pageItems, pageOfItem } from './grid-paging';

const items = Array.from({ length: 10 }, (_, index) => `s${index}`);

describe('grid paging', () => {
  it('counts pages, with one empty page for no streams', () => {
    expect(pageCount(10, 4)).toBe(3);
    expect(pageCount(9, 9)).toBe(1);
    expect(pageCount(0, 16)).toBe(1);
  });

  it('slices pages, the last one partial', () => {
    expect(pageItems(items, 4, 0)).toEqual(['s0', 's1', 's2', 's3']);
    expect(pageItems(items, 4, 2)).toEqual(['s8', 's9']);
    expect(pageItems(items, 1, 5)).toEqual(['s5']);
  });

  it('clamps a page that no longer exists', () => {
    expect(clampPage(7, 10, 4)).toBe(2);
    expect(clampPage(-1, 10, 4)).toBe(0);
    expect(pageItems(items, 16, 3)).toEqual(items);
  });

  it('keeps the first visible tile in view when the size changes', () => {
    // Page 2 of 4-tile pages starts at item 8; with 9 tiles per page item 8 is on page 0, with 1 on page 8.
    expect(pageOfItem(8, 9)).toBe(0);
    expect(pageOfItem(8, 1)).toBe(8);
  });

  it('lays tiles out square and knows its sizes', () => {
    expect([1, 4, 9, 16].map((size) => columnsFor(size as 1 | 4 | 9 | 16))).toEqual([1, 2, 3, 4]);
    expect(isGridSize(4)).toBe(true);
    expect(isGridSize(6)).toBe(false);
  });
});
