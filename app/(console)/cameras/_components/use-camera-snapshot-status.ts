'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';

export interface SnapshotStatus {
  /** online: the last snapshot arrived · offline: it failed (error says why) · unknown: not asked yet. */
  state: 'unknown' | 'online' | 'offline';
  src?: string;
  error?: string;
  checkedAt?: Date;
}

/**
 * The camera's picture, fetched only while its element is on screen and the tab is visible, then again every
 * `intervalMs` after the last answer (never two at once: each one is an ffmpeg run on the server). The snapshot's
 * outcome is the camera's status: no probe result is stored, so this is what the list shows.
 */
export function useCameraSnapshotStatus(cameraId: string, element: RefObject<Element | null>, options: { intervalMs: number; enabled: boolean }): SnapshotStatus {
  const [status, setStatus] = useState<SnapshotStatus>({ state: 'unknown' });
  const [visible, setVisible] = useState(false);
  const objectUrl = useRef<string | undefined>(undefined);

  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((entry) => entry.isIntersecting)));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);

  useEffect(() => {
    if (!visible || !options.enabled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      if (document.hidden) {
        timer = setTimeout(() => void load(), options.intervalMs);
        return;
      }
      const next = await fetchSnapshot(cameraId, controller.signal);
      if (controller.signal.aborted) return;
      if (next.src) {
        if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
        objectUrl.current = next.src;
      }
      // An offline camera keeps its last picture, dimmed by the page, so the operator sees what it last showed.
      setStatus((previous) => ({ ...next, src: next.src ?? previous.src }));
      timer = setTimeout(() => void load(), options.intervalMs);
    };
    void load();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [cameraId, visible, options.enabled, options.intervalMs]);

  useEffect(
    () => () => {
      if (objectUrl.current) URL.revokeObjectURL(objectUrl.current);
    },
    [],
  );

  return status;
}

async function fetchSnapshot(cameraId: string, signal: AbortSignal): Promise<SnapshotStatus> {
  const checkedAt = new Date();
  try {
    const response = await fetch(`/api/v1/cameras/${encodeURIComponent(cameraId)}/snapshot`, { signal, credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      return { state: 'offline', error: body?.error?.message ?? `HTTP ${response.status}`, checkedAt };
    }
    return { state: 'online', src: URL.createObjectURL(await response.blob()), checkedAt };
  } catch (error) {
    return { state: 'offline', error: error instanceof Error ? error.message : String(error), checkedAt };
  }
}
