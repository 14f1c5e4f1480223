'use client';

import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '@/app/_lib/api-fetch';
import { asIs, message, type CanvasText } from '../_lib/canvas-text';

export type StatusTone = 'info' | 'success' | 'error';
export interface EditorStatus {
  tone: StatusTone;
  message: CanvasText;
  /** The API's own words (e.g. each compile error of a refused deploy). */
  details: string[];
}

/** Failures the console words itself; any other API answer is shown as the API gave it. */
export function failureText(failure: unknown): CanvasText {
  if (failure instanceof ApiError && failure.code === 'network_error') return message('status.networkError');
  if (failure instanceof ApiError && failure.status === 403) return message('status.forbidden');
  return asIs(failure instanceof Error ? failure.message : String(failure));
}

/** The one status line of the editor: what the last action did, or why it was refused. */
export function useEditorStatus() {
  const [status, setStatus] = useState<EditorStatus | null>(null);
  const say = useCallback((tone: StatusTone, text: CanvasText, details: string[] = []) => setStatus({ tone, message: text, details }), []);
  const sayFailure = useCallback((prefix: CanvasText, failure: unknown) => {
    const details = failure instanceof ApiError && Array.isArray(failure.details) ? failure.details.map((item: { message?: unknown }) => String(item.message ?? JSON.stringify(item))) : [];
    setStatus({ tone: 'error', message: message('status.failure', { prefix, message: failureText(failure) }), details });
  }, []);
  const clear = useCallback(() => setStatus(null), []);
  return useMemo(() => ({ status, say, sayFailure, clear }), [status, say, sayFailure, clear]);
}

export type EditorStatusApi = ReturnType<typeof useEditorStatus>;
