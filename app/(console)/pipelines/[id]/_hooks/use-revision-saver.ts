'use client';

import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { PipelineGraph } from '@/lib/pipeline/graph-schema';
import { ApiError } from '@/app/_lib/api-fetch';
import { asIs, message } from '../_lib/canvas-text';
import { toFlowGraph, toPipelineGraph } from '../_lib/flow-graph';
import { pipelineApi } from '../_lib/pipeline-api';
import type { EditorStatusApi } from './use-editor-status';

// Through the canvas's own conversion, so that a graph fresh from the server compares equal to itself.
const normalise = (graph: PipelineGraph) => {
  const flow = toFlowGraph(graph);
  return JSON.stringify(toPipelineGraph(flow.nodes, flow.edges));
};

/** Saving = a new immutable revision on top of the one the editor started from (409 if someone saved since). */
export function useRevisionSaver(pipelineId: string, initialRevision: number, initialGraph: PipelineGraph, graph: PipelineGraph, status: EditorStatusApi) {
  const [baseRevision, setBaseRevision] = useState(initialRevision);
  const [savedJson, setSavedJson] = useState(() => normalise(initialGraph));
  const [saving, setSaving] = useState(false);
  const [comment, setComment] = useState('');
  // Deferred, like validation: comparing the whole graph on every drag step is wasted work.
  const deferredGraph = useDeferredValue(graph);
  const currentJson = useMemo(() => JSON.stringify(deferredGraph), [deferredGraph]);
  // Read at save time, so that `save` stays the same function while nodes are dragged.
  const latest = useRef(graph);
  latest.current = graph;
  const dirty = currentJson !== savedJson;

  /** After a restore or a save elsewhere: the editor now stands on `revision` with `saved` as its graph. */
  const markSaved = useCallback((revision: number, saved: PipelineGraph) => {
    setBaseRevision(revision);
    setSavedJson(normalise(saved));
  }, []);

  const save = useCallback(async () => {
    setSaving(true);
    try {
      const saving = latest.current;
      const created = await pipelineApi.saveRevision(pipelineId, { graph: saving, comment: comment.trim(), baseRevision });
      markSaved(created.revision, saving);
      setComment('');
      status.say('success', message('status.saved', { revision: created.revision }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) status.say('error', message('status.notSavedConflict', { message: asIs(failure.message) }));
      else status.sayFailure(message('status.notSaved'), failure);
    } finally {
      setSaving(false);
    }
  }, [pipelineId, comment, baseRevision, markSaved, status]);

  return { baseRevision, dirty, saving, comment, setComment, save, markSaved };
}
