import type { Roi } from '../geometry/roi';
import type { RuleSpec } from '../pipeline/pipeline-spec';
import { anchorOf } from './anchor';
import { isArmed } from './arming-schedule';
import { LineCrossings, zoneContaining } from './region-match';
import type { TrackedObject } from './tracked-object';

export interface IncidentEvent {
  state: 'start' | 'update' | 'end';
  time: number;
  /** Counts incidents of this rule: 1, 2, … (the analyzer turns it into an alarm id). */
  incident: number;
  objects: TrackedObject[];
  region?: { id: string; kind: Roi['kind'] };
}

export interface RuleEvaluatorOptions {
  /** An incident ends only after its condition has been false this long (no flicker on one missed frame). */
  endGraceMs: number;
  /** While an incident lasts, an update is sent when its objects change, or at least this often. */
  updateIntervalMs: number;
}

export const defaultEvaluatorOptions: RuleEvaluatorOptions = { endGraceMs: 2000, updateIntervalMs: 10_000 };

interface Active {
  incident: number;
  /** First frame on which the condition stopped holding; undefined while it holds. */
  falseSince: number | undefined;
  lastUpdate: number;
  trackIds: string;
  objects: TrackedObject[];
  region?: IncidentEvent['region'];
}

/**
 * One rule's incident lifecycle over time: filter (label, score), match regions (zones with dwell, lines
 * crossed in a direction), count, arm by schedule, then start → update → end, and cooldown after the end.
 */
export class RuleEvaluator {
  private readonly crossings = new LineCrossings();
  private readonly inZoneSince = new Map<number, number>();
  private active: Active | undefined;
  private cooldownUntil = -Infinity;
  private incidents = 0;

  constructor(
    private readonly rule: Pick<RuleSpec, 'labels' | 'minScore' | 'dwellSeconds' | 'cooldownSeconds' | 'minCount' | 'schedule' | 'regions' | 'anchor'>,
    private readonly frame: { width: number; height: number },
    private readonly options: RuleEvaluatorOptions = defaultEvaluatorOptions,
  ) {}

  evaluate(time: number, objects: TrackedObject[]): IncidentEvent[] {
    if (!isArmed(this.rule.schedule, new Date(time))) {
      this.crossings.clear();
      this.inZoneSince.clear();
      return this.active ? [this.end(time)] : [];
    }
    const { qualifying, region } = this.match(time, objects);
    const triggered = qualifying.length >= this.rule.minCount;
    if (!this.active) {
      if (!triggered || time < this.cooldownUntil) return [];
      this.incidents += 1;
      this.active = { incident: this.incidents, falseSince: undefined, lastUpdate: time, trackIds: idsOf(qualifying), objects: qualifying, region };
      return [{ state: 'start', time, incident: this.incidents, objects: qualifying, ...(region ? { region } : {}) }];
    }
    if (triggered) {
      const active = this.active;
      active.falseSince = undefined;
      const ids = idsOf(qualifying);
      if (ids === active.trackIds && time - active.lastUpdate < this.options.updateIntervalMs) return [];
      Object.assign(active, { lastUpdate: time, trackIds: ids, objects: qualifying, region: region ?? active.region });
      return [{ state: 'update', time, incident: active.incident, objects: qualifying, ...(active.region ? { region: active.region } : {}) }];
    }
    this.active.falseSince ??= time;
    return time - this.active.falseSince >= this.options.endGraceMs ? [this.end(time)] : [];
  }

  /** Ends a running incident now (the analyzer stops, or the rule is removed). */
  flush(time: number): IncidentEvent[] {
    return this.active ? [this.end(time)] : [];
  }

  private end(time: number): IncidentEvent {
    const active = this.active!;
    this.active = undefined;
    this.cooldownUntil = time + this.rule.cooldownSeconds * 1000;
    return { state: 'end', time, incident: active.incident, objects: active.objects, ...(active.region ? { region: active.region } : {}) };
  }

  private match(time: number, objects: TrackedObject[]): { qualifying: TrackedObject[]; region?: IncidentEvent['region'] } {
    const labels = this.rule.labels;
    const candidates = objects.filter((object) => object.score >= this.rule.minScore && (labels.length === 0 || labels.includes(object.label)));
    const zones = this.rule.regions.filter((region) => region.kind !== 'line');
    const lines = this.rule.regions.filter((region) => region.kind === 'line');
    const qualifying: TrackedObject[] = [];
    let firstRegion: Roi | undefined;
    const seen = new Set<number>();
    for (const object of candidates) {
      seen.add(object.trackId);
      const anchor = anchorOf(object.box, this.rule.anchor, this.frame);
      const crossed = lines.length > 0 ? this.crossings.check(object.trackId, anchor, lines) : undefined;
      const zone = this.rule.regions.length === 0 ? undefined : zoneContaining(anchor, zones);
      const inZone = this.rule.regions.length === 0 || zone !== undefined;
      if (inZone && (this.rule.regions.length === 0 || zones.length > 0)) {
        const since = this.inZoneSince.get(object.trackId) ?? time;
        this.inZoneSince.set(object.trackId, since);
        if (time - since >= this.rule.dwellSeconds * 1000) {
          qualifying.push(object);
          firstRegion ??= zone;
          continue;
        }
      } else {
        this.inZoneSince.delete(object.trackId);
      }
      // A crossing is an instant: dwell does not apply to it.
      if (crossed) {
        qualifying.push(object);
        firstRegion ??= crossed;
      }
    }
    this.crossings.retain(seen);
    for (const trackId of [...this.inZoneSince.keys()]) if (!seen.has(trackId)) this.inZoneSince.delete(trackId);
    return { qualifying, ...(firstRegion ? { region: { id: firstRegion.id, kind: firstRegion.kind } } : {}) };
  }
}

const idsOf = (objects: TrackedObject[]) => objects.map((object) => object.trackId).sort((a, b) => a - b).join(',');
