'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard } from '@/lib/contracts/dashboard';
import { apiFetch, ApiError } from '../../../_lib/api-fetch';

const refreshMs = 10_000;
const reconnectMs = 15_000;

/**
 * The dashboard snapshot, refreshed every 10 s (not while the tab is hidden) and at once when an alarm arrives on the
 * live feed (/ws, channel alarms). `live` says whether the feed is connected.
 */
export function useDashboard(initial: Dashboard | null): { data: Dashboard | null; error: string | undefined; live: boolean; refresh: () => void } {
  const [data, setData] = useState(initial);
  const [error, setError] = useState<string>();
  const [live, setLive] = useState(false);
  const inFlight = useRef(false);

  const refresh = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    apiFetch<Dashboard>('/api/v1/dashboard')
      .then((next) => {
        setData(next);
        setError(undefined);
      })
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught.message : String(caught)))
      .finally(() => {
        inFlight.current = false;
      });
  }, []);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, refreshMs);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const connect = () => {
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?channels=alarms`);
      socket.addEventListener('open', () => setLive(true));
      socket.addEventListener('message', () => {
        // A burst of events (start, update, end) costs one refresh.
        clearTimeout(debounce);
        debounce = setTimeout(refresh, 500);
      });
      socket.addEventListener('close', () => {
        setLive(false);
        if (!closed) retry = setTimeout(connect, reconnectMs);
      });
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      clearTimeout(debounce);
      socket?.close();
    };
  }, [refresh]);

  return { data, error, live, refresh };
}
