'use client';

import { useCallback, useEffect, useState } from 'react';
import { canvas } from '@/app/_i18n/messages/canvas';
import { asIs, message, type CanvasText } from '../_lib/canvas-text';
import { pipelineApi, type PipelineRunStatus, type PipelineWithGraph } from '../_lib/pipeline-api';
import { failureText } from './use-editor-status';

const pollMs = 5000;

/** What the pipeline workflow reports, re-read after Deploy/Stop and every few seconds while it should run. */
export function useRunStatus(pipeline: PipelineWithGraph) {
  const [run, setRun] = useState<PipelineRunStatus>({ desiredState: pipeline.desiredState, deployedRevision: pipeline.deployedRevision, running: false, status: null, problem: null });
  const [error, setError] = useState<CanvasText | null>(null);
  const refresh = useCallback(async () => {
    try {
      setRun(await pipelineApi.status(pipeline.id));
      setError(null);
    } catch (failure) {
      setError(failureText(failure));
    }
  }, [pipeline.id]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (run.desiredState !== 'running') return;
    const timer = setInterval(() => void refresh(), pollMs);
    return () => clearInterval(timer);
  }, [run.desiredState, refresh]);

  return { run, error, refresh };
}

const desiredName = (desired: string): CanvasText => (desired in canvas.en.run.desired ? message(`run.desired.${desired as keyof typeof canvas.en.run.desired}`) : asIs(desired));

/** "wanted running · running revision 3", "wanted running · degraded revision 3: …", "wanted stopped · not running". */
export function describeRun(run: PipelineRunStatus, error: CanvasText | null): CanvasText {
  if (error) return message('run.unknown', { error });
  const state = run.status?.state;
  const live = run.status
    ? message('run.live', { state: state && state in canvas.en.run.states ? message(`run.states.${state as keyof typeof canvas.en.run.states}`) : asIs(state ?? ''), revision: run.status.revision })
    : message(run.running ? 'run.starting' : 'run.notRunning');
  const summary = message('run.summary', { desired: desiredName(run.desiredState), live });
  const problem = run.problem ?? run.status?.lastError;
  return problem ? message('run.withProblem', { summary, problem }) : summary;
}
