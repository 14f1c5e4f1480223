import type { DetectedObject } from './detector.port';

/** Greedy non-maximum suppression: keeps the best-scoring box of each cluster overlapping by more than `maxIou`. */
export function suppressOverlaps(objects: DetectedObject[], maxIou: number, limit: number): DetectedObject[] {
  const kept: DetectedObject[] = [];
  for (const candidate of [...objects].sort((a, b) => b.confidence - a.confidence)) {
    if (kept.length >= limit) break;
    if (kept.every((other) => intersectionOverUnion(candidate, other) <= maxIou)) kept.push(candidate);
  }
  return kept;
}

export function intersectionOverUnion(a: DetectedObject, b: DetectedObject): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  return intersection / (a.width * a.height + b.width * b.height - intersection);
}
