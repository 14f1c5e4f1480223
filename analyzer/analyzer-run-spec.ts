import type { AnalyzerSpec, PipelineSpec } from '../lib/pipeline/pipeline-spec';

/** Everything one analyzer process needs, written by the platform to a 0600 JSON file (it holds a token). */
export interface AnalyzerRunSpec {
  pipeline: PipelineSpec['pipeline'];
  analyzer: AnalyzerSpec;
  /** Where to read frames: the camera's relay, or the camera itself. */
  streamUrl: string;
  /** Algorithm servers by algorithm id. */
  algorithms: Record<string, { name: string; version: string; baseUrl: string }>;
  report: { endpoint: string; token: string; spoolDir: string };
  motionGate: boolean;
  /** Where to push the annotated stream, when a restream sink is wired. */
  restreamUrl?: string;
}
