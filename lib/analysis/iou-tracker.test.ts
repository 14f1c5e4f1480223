import { describe, expect, it } from 'vitest';
import { iou, IouTracker } from './iou-tracker';

const person = (x: number, y = 100, label = 'person') => ({ label, score: 0.9, box: { x, y, width: 60, height: 120 } });
const options = { minIou: 0.3, maxCentreJump: 0.08, maxAgeMs: 1000 };

describe('IouTracker', () => {
  it('keeps ids for objects that move a little between frames', () => {
    const tracker = new IouTracker(options, { width: 640, height: 360 });
    const first = tracker.update([person(100), person(400)], 0);
    expect(first.map((o) => o.trackId)).toEqual([1, 2]);
    const second = tracker.update([person(416), person(116)], 200);
    expect(second.map((o) => o.trackId)).toEqual([2, 1]);
    expect(second[1]!.firstSeen).toBe(0);
  });

  it('continues a fast object whose boxes no longer overlap, by centre distance', () => {
    const tracker = new IouTracker(options, { width: 640, height: 360 });
    tracker.update([person(100)], 0);
    expect(tracker.update([person(155)], 200)[0]!.trackId).toBe(1);
    expect(tracker.update([person(300)], 400)[0]!.trackId).toBe(2);
  });

  it('starts a new id after the object was gone too long, and never matches across labels', () => {
    const tracker = new IouTracker(options, { width: 640, height: 360 });
    tracker.update([person(100)], 0);
    expect(tracker.update([person(100, 100, 'car')], 100)[0]!.trackId).toBe(2);
    expect(tracker.update([person(100)], 2000)[0]!.trackId).toBe(3);
  });

  it('computes IoU', () => {
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 })).toBeCloseTo(50 / 150);
    expect(iou({ x: 0, y: 0, width: 10, height: 10 }, { x: 20, y: 0, width: 10, height: 10 })).toBe(0);
  });
});
