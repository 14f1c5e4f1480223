'use client';

import { useCallback, useEffect, useState } from 'react';

export type SnapshotState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; image: HTMLImageElement }
  | { status: 'error'; message: string };

/** The camera's current frame (grabbed server side by ffmpeg), as an image Konva can draw. */
export function useCameraSnapshot(cameraId: string | null) {
  const [state, setState] = useState<SnapshotState>({ status: cameraId ? 'loading' : 'none' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!cameraId) return;
    const controller = new AbortController();
    let objectUrl: string | null = null;
    setState({ status: 'loading' });
    const load = async () => {
      const response = await fetch(`/api/v1/cameras/${encodeURIComponent(cameraId)}/snapshot`, { credentials: 'same-origin', signal: controller.signal });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
        throw new Error(body?.error?.message ?? `The snapshot request failed with HTTP ${response.status}.`);
      }
      objectUrl = URL.createObjectURL(await response.blob());
      const image = new Image();
      image.src = objectUrl;
      await image.decode();
      if (!controller.signal.aborted) setState({ status: 'ready', image });
    };
    load().catch((failure: unknown) => {
      if (!controller.signal.aborted) setState({ status: 'error', message: failure instanceof Error ? failure.message : String(failure) });
    });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [cameraId, attempt]);

  return { snapshot: cameraId ? state : ({ status: 'none' } as SnapshotState), retry: useCallback(() => setAttempt((value) => value + 1), []) };
}
