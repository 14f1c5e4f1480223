'use client';

import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { CompileError } from '@/lib/pipeline/compile-error';
import { apiFetch, ApiError } from '@/app/_lib/api-fetch';
import { message, type CanvasText } from '../_lib/canvas-text';
import { compileKey, toPipelineGraph, type FlowGraph } from '../_lib/flow-graph';
import { failureText } from './use-editor-status';

export type ValidationState =
  | { status: 'checking'; errors: CompileError[] }
  | { status: 'ok'; errors: [] }
  | { status: 'errors'; errors: CompileError[] }
  | { status: 'unavailable'; errors: CompileError[]; message: CanvasText };

type ValidateResponse = { ok: true } | { ok: false; errors: CompileError[] };

const debounceMs = 400;

/** Compiles the graph on the server (against the real cameras and algorithms) shortly after each change. */
export function useGraphValidation(graph: FlowGraph, pipelineId: string): ValidationState {
  // Deferred: while a node is dragged React may skip intermediate graphs instead of serialising each one.
  const deferred = useDeferredValue(graph);
  const key = useMemo(() => compileKey(deferred.nodes, deferred.edges), [deferred.nodes, deferred.edges]);
  const [state, setState] = useState<ValidationState>({ status: 'checking', errors: [] });
  const latest = useRef(graph);
  latest.current = graph;

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: 'checking', errors: previous.errors }));
    const timer = setTimeout(() => {
      const body = { graph: toPipelineGraph(latest.current.nodes, latest.current.edges), pipelineId };
      apiFetch<ValidateResponse>('/api/v1/pipelines/validate', { method: 'POST', json: body, signal: controller.signal })
        .then((result) => {
          if (controller.signal.aborted) return;
          setState(result.ok ? { status: 'ok', errors: [] } : { status: 'errors', errors: result.errors });
        })
        .catch((failure: unknown) => {
          if (controller.signal.aborted) return;
          const reason = failure instanceof ApiError ? failureText(failure) : message('problems.validationFailed');
          setState((previous) => ({ status: 'unavailable', errors: previous.errors, message: message('problems.unavailable', { message: reason }) }));
        });
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, pipelineId]);
  return state;
}
