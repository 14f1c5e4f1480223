'use client';

import { useCallback, useMemo, useState } from 'react';
import { ApiError } from '@/app/_lib/api-fetch';

export type StatusTone = 'info' | 'success' | 'error';
export interface EditorStatus {
  tone: StatusTone;
  message: string;
  details: string[];
}

/** The one status line of the editor: what the last action did, or why it was refused. */
export function useEditorStatus() {
  const [status, setStatus] = useState<EditorStatus | null>(null);
  const say = useCallback((tone: StatusTone, message: string, details: string[] = []) => setStatus({ tone, message, details }), []);
  const sayFailure = useCallback((prefix: string, failure: unknown) => {
    if (failure instanceof ApiError) {
      const details = Array.isArray(failure.details) ? failure.details.map((item: { message?: unknown }) => String(item.message ?? JSON.stringify(item))) : [];
      setStatus({ tone: 'error', message: `${prefix}: ${failure.message}`, details });
    } else setStatus({ tone: 'error', message: `${prefix}: ${failure instanceof Error ? failure.message : String(failure)}`, details: [] });
  }, []);
  const clear = useCallback(() => setStatus(null), []);
  return useMemo(() => ({ status, say, sayFailure, clear }), [status, say, sayFailure, clear]);
}

export type EditorStatusApi = ReturnType<typeof useEditorStatus>;
