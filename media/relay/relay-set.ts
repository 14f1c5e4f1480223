import type { MediaLogger } from '../media-logger';
import { startRelay, type Relay, type RelayOptions, type RelayStatus } from './start-relay';

export interface DesiredRelay {
  cameraId: string;
  sourceUrl: string;
}

export interface RelaySet {
  /** Level-triggered: starts missing relays, restarts those whose URL changed, stops those no longer wanted. */
  sync(desired: readonly DesiredRelay[]): Promise<void>;
  get(cameraId: string): Relay | undefined;
  statuses(): RelayStatus[];
  stopAll(): Promise<void>;
}

/** The relays of one media host, kept equal to a desired list (the cameras some pipeline or viewer uses). */
export function createRelaySet(defaults: Omit<RelayOptions, 'cameraId' | 'sourceUrl'> & { logger?: MediaLogger }): RelaySet {
  const running = new Map<string, { relay: Relay; sourceUrl: string }>();
  return {
    async sync(desired) {
      const wanted = new Map(desired.map((entry) => [entry.cameraId, entry.sourceUrl]));
      const stops: Array<Promise<void>> = [];
      for (const [cameraId, entry] of running) {
        if (wanted.get(cameraId) === entry.sourceUrl) continue;
        running.delete(cameraId);
        stops.push(entry.relay.stop());
      }
      // The old relay must leave the stream path before its replacement publishes to it.
      await Promise.all(stops);
      for (const [cameraId, sourceUrl] of wanted) {
        if (!running.has(cameraId)) running.set(cameraId, { relay: startRelay({ ...defaults, cameraId, sourceUrl }), sourceUrl });
      }
    },
    get: (cameraId) => running.get(cameraId)?.relay,
    statuses: () => [...running.values()].map((entry) => entry.relay.status()),
    async stopAll() {
      const relays = [...running.values()].map((entry) => entry.relay);
      running.clear();
      await Promise.all(relays.map((relay) => relay.stop()));
    },
  };
}
