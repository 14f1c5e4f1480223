/** A detection in pixels of the analysed frame (top-left origin), as the algorithm server reports it. */
export interface Detection {
  label: string;
  score: number;
  box: { x: number; y: number; width: number; height: number };
}

/** A detection followed over time by the tracker. */
export interface TrackedObject extends Detection {
  trackId: number;
  /** When the tracker first saw this object (ms). */
  firstSeen: number;
}
