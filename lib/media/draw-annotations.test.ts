import { describe, expect, it } from 'vitest';
import type { Roi } from '../geometry/roi';
import { colorFor, drawAnnotations, objectCaption } from './draw-annotations';
import { blankImage, pixel } from './test-image';

const line = (direction: Roi['direction']): Roi => ({ id: 'l1', name: '', kind: 'line', points: [[0.1, 0.5], [0.9, 0.5]], direction });

function columnHits(image: ReturnType<typeof blankImage>, x: number, fromY: number, toY: number): number {
  let hits = 0;
  for (let y = fromY; y <= toY; y++) if (pixel(image, x, y)[2] === 255) hits++;
  return hits;
}

describe('drawAnnotations', () => {
  it('outlines each object in its track colour with a "label score #track" tag', () => {
    const image = blankImage(200, 120);
    drawAnnotations(image, { objects: [{ box: { x: 50, y: 40, width: 60, height: 50 }, label: 'person', score: 0.873, trackId: 7 }] }, { lineWidth: 2 });
    expect(pixel(image, 50, 60)).toEqual([...colorFor(7)]);
    expect(pixel(image, 109, 89)).toEqual([...colorFor(7)]);
    expect(pixel(image, 80, 65)).toEqual([0, 0, 0]);
    // The tag sits right above the box, in the same colour.
    expect(pixel(image, 51, 39)).toEqual([...colorFor(7)]);
    expect(objectCaption({ box: { x: 0, y: 0, width: 1, height: 1 }, label: 'person', score: 0.873, trackId: 7 })).toBe('person 0.87 #7');
  });

  it('draws bare boxes without tags when labels are off (a restream sink with drawLabels false)', () => {
    const image = blankImage(200, 120);
    drawAnnotations(image, { objects: [{ box: { x: 50, y: 40, width: 60, height: 50 }, label: 'person', score: 0.9, trackId: 7 }] }, { lineWidth: 2, labels: false });
    expect(pixel(image, 50, 60)).toEqual([...colorFor(7)]);
    expect(pixel(image, 51, 39)).toEqual([0, 0, 0]);
  });

  it('draws a polygon ROI as a translucent zone with a solid outline', () => {
    const image = blankImage(100, 100);
    const zone: Roi = { id: 'z', name: 'Gate', kind: 'polygon', points: [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8]] };
    drawAnnotations(image, { objects: [], rois: [zone] }, { roiFillAlpha: 0.2 });
    expect(pixel(image, 50, 50)).toEqual([50, 44, 0]);
    expect(pixel(image, 50, Math.round(0.8 * 99))).toEqual([255, 221, 0]);
    expect(pixel(image, 5, 95)).toEqual([0, 0, 0]);
  });

  it('points a line\'s crossing arrow to the right of a→b (downwards for a left-to-right line), both ways for "both"', () => {
    const down = blankImage(200, 100);
    drawAnnotations(down, { objects: [], rois: [line('a-to-b')] }, { lineWidth: 1 });
    expect(columnHits(down, 100, 52, 80)).toBeGreaterThan(10);
    expect(columnHits(down, 100, 20, 48)).toBe(0);
    const up = blankImage(200, 100);
    drawAnnotations(up, { objects: [], rois: [line('b-to-a')] }, { lineWidth: 1 });
    expect(columnHits(up, 100, 20, 48)).toBeGreaterThan(10);
    const both = blankImage(200, 100);
    drawAnnotations(both, { objects: [], rois: [line('both')] }, { lineWidth: 1 });
    expect(columnHits(both, 100, 20, 48)).toBeGreaterThan(10);
    expect(columnHits(both, 100, 52, 80)).toBeGreaterThan(10);
  });

  it('marks a point ROI with a dot and its radius as an ellipse in normalised units', () => {
    const image = blankImage(200, 100);
    drawAnnotations(image, { objects: [], rois: [{ id: 'p', name: '', kind: 'point', points: [[0.5, 0.5]], radius: 0.1 }] }, { lineWidth: 1 });
    const center = [Math.round(0.5 * 199), Math.round(0.5 * 99)] as const;
    expect(pixel(image, center[0], center[1])).toEqual([255, 0, 255]);
    expect(pixel(image, center[0] + 20, center[1])).toEqual([255, 0, 255]);
    expect(pixel(image, center[0], center[1] + 10)).toEqual([255, 0, 255]);
    expect(pixel(image, center[0] + 10, center[1])).toEqual([0, 0, 0]);
  });

  it('survives boxes and ROIs that reach beyond the frame', () => {
    const image = blankImage(64, 36);
    expect(() => drawAnnotations(image, { objects: [{ box: { x: -20, y: 30, width: 200, height: 40 }, label: 'truck' }], caption: 'cam 1 12:00:00' })).not.toThrow();
  });
});
