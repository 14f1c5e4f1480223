/** A live message for browsers and clients on the websocket. */
export interface RealtimeMessage {
  channel: string;
  type: string;
  payload: unknown;
}

type Listener = (message: RealtimeMessage) => void;

interface EventHub {
  publish(message: RealtimeMessage): number;
  subscribe(listener: Listener): () => void;
}

/**
 * In-process pub/sub between route handlers (which record alarms) and the websocket server. Held on
 * globalThis because Next.js bundles route code separately from the custom server: both must share one hub.
 */
export function getEventHub(): EventHub {
  const holder = globalThis as typeof globalThis & { vigilEventHub?: EventHub };
  if (!holder.vigilEventHub) {
    const listeners = new Set<Listener>();
    holder.vigilEventHub = {
      publish(message) {
        for (const listener of listeners) listener(message);
        return listeners.size;
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  }
  return holder.vigilEventHub;
}
