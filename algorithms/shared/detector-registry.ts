import type { Detector } from './detector.port';

/**
 * The built-in model backends (DESIGN.md §6.7). Imports are lazy so that the motion server never loads tfjs, and a
 * server can listen (and answer /readyz with 503) while a heavy backend is still being imported.
 */
const detectorFactories = {
  motion: async () => (await import('../motion/motion-detector')).createMotionDetector(),
  person: async () => (await import('../person/movenet-detector')).createMovenetDetector(),
  face: async () => (await import('../face/blazeface-detector')).createBlazefaceDetector(),
} satisfies Record<string, () => Promise<Detector>>;

export type DetectorName = keyof typeof detectorFactories;
export const detectorNames = Object.keys(detectorFactories) as DetectorName[];

export function createDetector(name: DetectorName): Promise<Detector> {
  return detectorFactories[name]();
}
