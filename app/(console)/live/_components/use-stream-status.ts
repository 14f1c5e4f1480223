'use client';

import { useEffect, useState } from 'react';
import type { StreamsResponse } from '@/lib/media/stream-status';
import { apiFetch } from '@/app/_lib/api-fetch';

export type StreamInfo = StreamsResponse['items'][number];

/** The media server's streams by path, polled every few seconds; `error` when it cannot be asked. */
export function useStreamStatus(intervalMs = 5000): { streams: Map<string, StreamInfo> | undefined; error: string | undefined } {
  const [streams, setStreams] = useState<Map<string, StreamInfo>>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await apiFetch<StreamsResponse>('/api/v1/streams');
        if (stopped) return;
        setStreams(new Map(response.items.map((item) => [item.path, item])));
        setError(undefined);
      } catch (failure) {
        if (!stopped) setError(failure instanceof Error ? failure.message : String(failure));
      }
      if (!stopped) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [intervalMs]);
  return { streams, error };
}

export type TileState = { kind: 'playable'; url: string; since: string } | { kind: 'reconnecting' } | { kind: 'noData' } | { kind: 'mediaDown'; message: string } | { kind: 'starting' };

/** What a tile can show for its path given the last poll. */
export function tileState(path: string, streams: Map<string, StreamInfo> | undefined, error: string | undefined): TileState {
  if (error) return { kind: 'mediaDown', message: error };
  if (!streams) return { kind: 'starting' };
  const stream = streams.get(path);
  if (!stream) return { kind: 'noData' };
  if (stream.state === 'reconnecting') return { kind: 'reconnecting' };
  if (stream.state !== 'publishing' || !stream.publisher) return { kind: 'noData' };
  return { kind: 'playable', url: stream.urls.flv, since: stream.publisher.since };
}
