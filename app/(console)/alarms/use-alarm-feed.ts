'use client';

import { useEffect, useRef, useState } from 'react';
import type { AlarmEvent } from '@/lib/contracts/alarms';

export type FeedState = { kind: 'connecting' } | { kind: 'live' } | { kind: 'reconnecting'; seconds: number };

const maxBackoffSeconds = 15;

/**
 * The alarm channel of the live websocket (/ws, authenticated by the session cookie). Reconnects with a backoff
 * (1, 2, 4 … 15 s) when the socket drops, counting down so the page can say when it tries again.
 */
export function useAlarmFeed(onEvent: (event: AlarmEvent) => void): FeedState {
  const [state, setState] = useState<FeedState>({ kind: 'connecting' });
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    let socket: WebSocket | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    let failures = 0;
    let stopped = false;

    function connect() {
      const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      socket = new WebSocket(`${protocol}//${window.location.host}/ws?channels=alarms`);
      socket.onopen = () => {
        failures = 0;
        setState({ kind: 'live' });
      };
      socket.onmessage = (message: MessageEvent<string>) => {
        try {
          const parsed = JSON.parse(message.data) as { channel?: string; type?: string; payload?: AlarmEvent };
          if (parsed.channel === 'alarms' && parsed.type?.startsWith('alarm.') && parsed.payload?.id) handler.current(parsed.payload);
        } catch {
          // Not one of ours: ignored.
        }
      };
      socket.onclose = () => {
        if (stopped) return;
        failures += 1;
        let seconds = Math.min(2 ** (failures - 1), maxBackoffSeconds);
        setState({ kind: 'reconnecting', seconds });
        timer = setInterval(() => {
          seconds -= 1;
          if (seconds > 0) setState({ kind: 'reconnecting', seconds });
          else {
            clearInterval(timer);
            setState({ kind: 'connecting' });
            connect();
          }
        }, 1000);
      };
    }

    connect();
    return () => {
      stopped = true;
      clearInterval(timer);
      socket?.close();
    };
  }, []);

  return state;
}
