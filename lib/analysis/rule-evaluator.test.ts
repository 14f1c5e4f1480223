import { describe, expect, it } from 'vitest';
import type { Roi } from '../geometry/roi';
import { RuleEvaluator, type IncidentEvent } from './rule-evaluator';
import type { TrackedObject } from './tracked-object';

const frame = { width: 1000, height: 1000 };
const zone: Roi = { id: 'zone', name: '', kind: 'polygon', points: [[0.4, 0], [0.6, 0], [0.6, 1], [0.4, 1]] };
const door = (direction: Roi['direction']): Roi => ({ id: 'door', name: '', kind: 'line', points: [[0.5, 0], [0.5, 1]], direction });
const baseRule = { labels: ['person'], minScore: 0.5, dwellSeconds: 0, cooldownSeconds: 0, minCount: 1, schedule: undefined, regions: [] as Roi[], anchor: 'bottom-center' as const };

/** A person whose bottom-centre anchor is at (x, 0.5) in normalised coordinates. */
const person = (trackId: number, x: number, overrides: Partial<TrackedObject> = {}): TrackedObject => ({
  label: 'person',
  score: 0.9,
  box: { x: x * 1000 - 20, y: 400, width: 40, height: 100 },
  trackId,
  firstSeen: 0,
  ...overrides,
});

/** Feeds frames at 5 fps; `at(t)` gives the objects at t seconds. Returns events as `state@seconds`. */
function run(evaluator: RuleEvaluator, seconds: number, at: (t: number) => TrackedObject[]): (IncidentEvent & { label: string })[] {
  const events: (IncidentEvent & { label: string })[] = [];
  for (let ms = 0; ms <= seconds * 1000; ms += 200) {
    for (const event of evaluator.evaluate(ms, at(ms / 1000))) events.push({ ...event, label: `${event.state}@${event.time / 1000}` });
  }
  return events;
}

describe('RuleEvaluator', () => {
  it('starts after the dwell time inside a zone and ends after the grace period once the object leaves', () => {
    // Walks in at x=0.42 from t=1 s, stays until t=4 s, then leaves.
    const evaluator = new RuleEvaluator({ ...baseRule, regions: [zone], dwellSeconds: 1 }, frame);
    const events = run(evaluator, 8, (t) => [person(7, t >= 1 && t < 4 ? 0.42 : 0.2)]);
    expect(events.map((e) => e.label)).toEqual(['start@2', 'end@6']);
    expect(events[0]).toMatchObject({ incident: 1, region: { id: 'zone', kind: 'polygon' }, objects: [{ trackId: 7 }] });
  });

  it('does not alarm on a visit shorter than the dwell time', () => {
    const evaluator = new RuleEvaluator({ ...baseRule, regions: [zone], dwellSeconds: 2 }, frame);
    expect(run(evaluator, 6, (t) => [person(1, t >= 1 && t < 2.6 ? 0.5 : 0.1)])).toEqual([]);
  });

  it('keeps quiet during the cooldown after an incident ends', () => {
    const evaluator = new RuleEvaluator({ ...baseRule, regions: [zone], cooldownSeconds: 5 }, frame);
    // Visits at [0,1) → ends at 3 (grace 2 s), cooldown until 8; visit at [4,5) is suppressed; visit at [9,10) alarms.
    const inside = (t: number) => (t < 1) || (t >= 4 && t < 5) || (t >= 9 && t < 10);
    const events = run(evaluator, 14, (t) => [person(1, inside(t) ? 0.5 : 0.1)]);
    expect(events.map((e) => e.label)).toEqual(['start@0', 'end@3', 'start@9', 'end@12']);
    expect(events.map((e) => e.incident)).toEqual([1, 1, 2, 2]);
  });

  it('counts a line crossing only in the configured direction, with the track id', () => {
    // Track 3 walks left → right across x = 0.5 at t≈2 s; track 4 walks right → left at t≈6 s.
    const walkers = (t: number) => [person(3, 0.3 + 0.1 * t), person(4, 0.9 - 0.1 * (t - 2))];
    // The door runs top → bottom; walking down the screen, the right-hand side is x < 0.5.
    const rightToLeft = run(new RuleEvaluator({ ...baseRule, regions: [door('a-to-b')] }, frame), 8, walkers);
    // Track 4 lands exactly on the line at t = 6 s and is over it at 6.2 s.
    expect(rightToLeft.map((e) => e.label)).toEqual(['start@6.2']);
    expect(rightToLeft[0]!.objects.map((o) => o.trackId)).toEqual([4]);
    const leftToRight = run(new RuleEvaluator({ ...baseRule, regions: [door('b-to-a')] }, frame), 8, walkers);
    expect(leftToRight[0]).toMatchObject({ state: 'start', region: { id: 'door', kind: 'line' }, objects: [{ trackId: 3 }] });
    expect(leftToRight[0]!.time).toBe(2200);
    const both = run(new RuleEvaluator({ ...baseRule, regions: [door('both')] }, frame), 8, walkers);
    expect(both.filter((e) => e.state === 'start').map((e) => e.objects[0]!.trackId)).toEqual([3, 4]);
  });

  it('does not count passing beside a short line, beyond its end', () => {
    const shortDoor: Roi = { id: 'gate', name: '', kind: 'line', points: [[0.5, 0], [0.5, 0.3]], direction: 'both' };
    // Anchors walk at y = 0.5, below the gate's end at y = 0.3.
    expect(run(new RuleEvaluator({ ...baseRule, regions: [shortDoor] }, frame), 8, (t) => [person(1, 0.3 + 0.1 * t)])).toEqual([]);
  });

  it('needs the minimum count, and sends updates as objects join', () => {
    const evaluator = new RuleEvaluator({ ...baseRule, minCount: 2 }, frame);
    const events = run(evaluator, 6, (t) => [person(1, 0.2), ...(t >= 1 ? [person(2, 0.3)] : []), ...(t >= 2 ? [person(3, 0.4)] : [])]);
    expect(events.map((e) => `${e.label}:${e.objects.map((o) => o.trackId).join('+')}`)).toEqual(['start@1:1+2', 'update@2:1+2+3']);
  });

  it('ignores other labels and low scores', () => {
    const evaluator = new RuleEvaluator(baseRule, frame);
    expect(run(evaluator, 2, () => [person(1, 0.5, { label: 'car' }), person(2, 0.5, { score: 0.2 })])).toEqual([]);
  });

  it('ends an incident when the arming window closes, and does not start outside it', () => {
    // Armed 00:00–00:00:05 of 1970-01-01 would need seconds; use a window that closes at 00:01 UTC and run around it.
    const schedule = { timezone: 'UTC', windows: [{ days: [4], start: '00:00', end: '00:01' }] };
    const evaluator = new RuleEvaluator({ ...baseRule, schedule }, frame);
    const events: string[] = [];
    for (let ms = 55_000; ms <= 65_000; ms += 1000) for (const event of evaluator.evaluate(ms, [person(1, 0.5)])) events.push(`${event.state}@${ms / 1000}`);
    expect(events).toEqual(['start@55', 'end@60']);
  });

  describe('anchor point', () => {
    // A 40x200 px box spanning y 0.45–0.65: top-centre at y 0.45, centre at 0.55, bottom-centre at 0.65.
    const tall: TrackedObject = { label: 'person', score: 0.9, box: { x: 480, y: 450, width: 40, height: 200 }, trackId: 1, firstSeen: 0 };
    const band = (id: string, top: number, bottom: number): Roi => ({ id, name: '', kind: 'polygon', points: [[0, top], [1, top], [1, bottom], [0, bottom]] });
    // The floor holds only the bottom-centre; the middle band only the centre; the ceiling band only the top-centre.
    const floor = band('floor', 0.6, 1);
    const middle = band('middle', 0.5, 0.6);
    const ceiling = band('ceiling', 0, 0.5);
    const starts = (region: Roi, anchor: 'bottom-center' | 'center' | 'top-center') =>
      new RuleEvaluator({ ...baseRule, regions: [region], anchor }, frame).evaluate(0, [tall]).map((event) => event.state);

    it.each([
      ['bottom-center', ['start'], [], []],
      ['center', [], ['start'], []],
      ['top-center', [], [], ['start']],
    ] as const)('with the %s anchor, alarms only in the zone that holds that point of the box', (anchor, inFloor, inMiddle, inCeiling) => {
      expect(starts(floor, anchor)).toEqual(inFloor);
      expect(starts(middle, anchor)).toEqual(inMiddle);
      expect(starts(ceiling, anchor)).toEqual(inCeiling);
    });
  });
});
