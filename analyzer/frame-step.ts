import type { RestreamWriter } from '../media/restream/open-restream';
import type { AnalyzerRestreamSpec } from './analyzer-run-spec';
import { restreamAnnotations } from './restream-plan';
import type { FrameOutcome, RaisedEvent, StreamAnalysis } from './stream-analysis';

export interface DecodedFrame {
  data: Buffer;
  width: number;
  height: number;
  /** Wall-clock (or, in benchmarks, video) time of the frame, ms. */
  time: number;
}

export interface FrameStepDeps {
  analysis: StreamAnalysis;
  restream?: { writer: Pick<RestreamWriter, 'write'>; plan: AnalyzerRestreamSpec };
  /** Snapshot + outbox for one event. Runs off the frame path, one at a time in event order (start before end). */
  publish(raised: RaisedEvent, frame: DecodedFrame): Promise<void>;
  onPublishError(error: unknown): void;
}

export interface FrameStepResult {
  outcome: FrameOutcome;
  /** Everything the frame cost the analyzer except waiting for inference: gate, tracker, rules, restream drawing. */
  overheadMs: number;
}

/**
 * One frame of an analyzer: analysis, then the restream picture, then alarm work handed to a queue. The JPEG snapshot
 * (sharp, 10–40 ms) is not awaited here: it would stall the next frames for an incident that is already decided.
 */
export function createFrameStep(deps: FrameStepDeps) {
  let alarms: Promise<void> = Promise.resolve();
  return {
    async process(frame: DecodedFrame): Promise<FrameStepResult> {
      const started = performance.now();
      let outcome: FrameOutcome;
      try {
        outcome = await deps.analysis.processFrame(frame);
      } catch (error) {
        // The picture goes on without boxes: viewers still see the camera while the algorithm server is away.
        deps.restream?.writer.write(frame);
        throw error;
      }
      if (deps.restream) deps.restream.writer.write(frame, restreamAnnotations(deps.restream.plan, outcome.objects));
      for (const raised of outcome.events) {
        alarms = alarms.then(() => deps.publish(raised, frame)).catch(deps.onPublishError);
      }
      return { outcome, overheadMs: performance.now() - started - outcome.inferenceMs };
    },
    /** Resolves once every event handed over so far is published (or failed and reported). */
    settled(): Promise<void> {
      return alarms;
    },
  };
}
