import type { Detection, TrackedObject } from './tracked-object';

export interface TrackerOptions {
  /** Minimum overlap to continue a track. */
  minIou: number;
  /** At low frame rates boxes may not overlap: also continue when centres are this close (fraction of the frame diagonal). */
  maxCentreJump: number;
  /** A track not seen for this long is dropped. */
  maxAgeMs: number;
}

interface Track {
  id: number;
  label: string;
  box: Detection['box'];
  firstSeen: number;
  lastSeen: number;
}

export function iou(a: Detection['box'], b: Detection['box']): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  const intersection = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.width * a.height + b.width * b.height - intersection;
  return union > 0 ? intersection / union : 0;
}

const centre = (box: Detection['box']) => [box.x + box.width / 2, box.y + box.height / 2] as const;

/**
 * A greedy IoU tracker (SORT without the Kalman filter): best-overlap pairs first, same label only.
 * Deterministic, so rule tests can name the track ids they expect.
 */
export class IouTracker {
  private tracks: Track[] = [];
  private nextId = 1;

  constructor(
    private readonly options: TrackerOptions,
    private readonly frame: { width: number; height: number },
  ) {}

  update(detections: Detection[], now: number): TrackedObject[] {
    this.tracks = this.tracks.filter((track) => now - track.lastSeen <= this.options.maxAgeMs);
    const diagonal = Math.hypot(this.frame.width, this.frame.height);
    const pairs: { track: number; detection: number; score: number }[] = [];
    this.tracks.forEach((track, t) =>
      detections.forEach((detection, d) => {
        if (detection.label !== track.label) return;
        const overlap = iou(track.box, detection.box);
        const [tx, ty] = centre(track.box);
        const [dx, dy] = centre(detection.box);
        const near = Math.hypot(tx - dx, ty - dy) / diagonal <= this.options.maxCentreJump;
        // Overlap ranks above nearness: a near-but-disjoint match is only taken when nothing overlaps.
        if (overlap >= this.options.minIou) pairs.push({ track: t, detection: d, score: 1 + overlap });
        else if (near) pairs.push({ track: t, detection: d, score: 1 - Math.hypot(tx - dx, ty - dy) / diagonal });
      }),
    );
    pairs.sort((a, b) => b.score - a.score || a.track - b.track || a.detection - b.detection);
    const usedTracks = new Set<number>();
    const assigned = new Map<number, Track>();
    for (const pair of pairs) {
      if (usedTracks.has(pair.track) || assigned.has(pair.detection)) continue;
      usedTracks.add(pair.track);
      assigned.set(pair.detection, this.tracks[pair.track]!);
    }
    return detections.map((detection, index) => {
      let track = assigned.get(index);
      if (!track) {
        track = { id: this.nextId++, label: detection.label, box: detection.box, firstSeen: now, lastSeen: now };
        this.tracks.push(track);
      }
      track.box = detection.box;
      track.lastSeen = now;
      return { ...detection, trackId: track.id, firstSeen: track.firstSeen };
    });
  }
}
