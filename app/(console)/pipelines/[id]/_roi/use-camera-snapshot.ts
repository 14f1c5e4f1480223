'use client';

import { useCallback, useEffect, useState } from 'react';
import { asIs, message, type CanvasText } from '../_lib/canvas-text';
import { failureText } from '../_hooks/use-editor-status';

/** A refused snapshot: the API's message as it is, or the HTTP status in the reader's language. */
class SnapshotRefused extends Error {
  constructor(readonly text: CanvasText) {
    super('snapshot refused');
  }
}

export type SnapshotState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; image: HTMLImageElement }
  | { status: 'error'; message: CanvasText };

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
        throw new SnapshotRefused(body?.error?.message ? asIs(body.error.message) : message('roi.snapshotFailed', { status: response.status }));
      }
      objectUrl = URL.createObjectURL(await response.blob());
      const image = new Image();
      image.src = objectUrl;
      await image.decode();
      if (!controller.signal.aborted) setState({ status: 'ready', image });
    };
    load().catch((failure: unknown) => {
      if (!controller.signal.aborted) setState({ status: 'error', message: failure instanceof SnapshotRefused ? failure.text : failureText(failure) });
    });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [cameraId, attempt]);

  return { snapshot: cameraId ? state : ({ status: 'none' } as SnapshotState), retry: useCallback(() => setAttempt((value) => value + 1), []) };
}
