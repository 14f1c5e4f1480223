'use client';

import { useCallback, useEffect, useState } from 'react';
import { pipelineApi, type PipelineRunStatus, type PipelineWithGraph } from '../_lib/pipeline-api';

const pollMs = 5000;

/** What the pipeline workflow reports, re-read after Deploy/Stop and every few seconds while it should run. */
export function useRunStatus(pipeline: PipelineWithGraph) {
  const [run, setRun] = useState<PipelineRunStatus>({ desiredState: pipeline.desiredState, deployedRevision: pipeline.deployedRevision, running: false, status: null, problem: null });
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      setRun(await pipelineApi.status(pipeline.id));
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
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

/** "running revision 3", "degraded revision 3: …", "stopped". */
export function describeRun(run: PipelineRunStatus, error: string | null): string {
  if (error) return `status unknown (${error})`;
  const live = run.status ? `${run.status.state} revision ${run.status.revision}` : run.running ? 'starting' : 'not running';
  const problem = run.problem ?? run.status?.lastError;
  return `wanted ${run.desiredState} · ${live}${problem ? `: ${problem}` : ''}`;
}
