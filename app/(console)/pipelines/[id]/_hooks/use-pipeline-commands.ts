'use client';

import { useCallback, useState } from 'react';
import { message } from '../_lib/canvas-text';
import { toFlowGraph } from '../_lib/flow-graph';
import { pipelineApi } from '../_lib/pipeline-api';
import type { EditorStatusApi } from './use-editor-status';
import type { GraphHistory } from './use-graph-history';
import type { useRevisionSaver } from './use-revision-saver';

/** Deploy, stop and restore: server-side commands whose answers go to the status line as the API gave them. */
export function usePipelineCommands(pipelineId: string, history: GraphHistory, saver: ReturnType<typeof useRevisionSaver>, status: EditorStatusApi, fitView: () => void, refreshRun: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const { say, sayFailure } = status;
  const { baseRevision, dirty, markSaved } = saver;
  const { update } = history;

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }, []);

  const deploy = useCallback(
    () =>
      run(async () => {
        try {
          const answer = await pipelineApi.deploy(pipelineId, baseRevision);
          say('success', message(dirty ? 'status.deployRequestedUnsaved' : 'status.deployRequested', { revision: answer.revision, workflowId: answer.workflowId }));
          await refreshRun();
        } catch (failure) {
          sayFailure(message('status.deployRefused', { revision: baseRevision }), failure);
        }
      }),
    [run, pipelineId, baseRevision, dirty, say, sayFailure, refreshRun],
  );

  const stop = useCallback(
    () =>
      run(async () => {
        try {
          const answer = await pipelineApi.stop(pipelineId);
          say('success', message(answer.wasRunning ? 'status.stopRequestedRunning' : 'status.stopRequestedIdle'));
          await refreshRun();
        } catch (failure) {
          sayFailure(message('status.stopRefused'), failure);
        }
      }),
    [run, pipelineId, say, sayFailure, refreshRun],
  );

  /** The old graph becomes a new revision on the server; on the canvas it is one undoable step. */
  const restore = useCallback(
    async (revision: number) => {
      try {
        const created = await pipelineApi.restore(pipelineId, revision);
        update(() => toFlowGraph(created.graph), { record: true, reload: true });
        markSaved(created.revision, created.graph);
        say('success', message('status.restored', { revision, created: created.revision }));
        requestAnimationFrame(fitView);
      } catch (failure) {
        sayFailure(message('status.restoreFailed', { revision }), failure);
      }
    },
    [pipelineId, update, markSaved, say, sayFailure, fitView],
  );

  return { busy, deploy, stop, restore };
}
