import type { Roi } from '../lib/geometry/roi';
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
  /** The annotated stream, when restream sinks are wired to this camera's algorithms (analyzer/restream-plan.ts). */
  restream?: AnalyzerRestreamSpec;
  /** The published alarm-verifier model, read from the database at deploy time (docs/decisions/0010). */
  verifier?: AnalyzerVerifierSpec;
}

/** Where the analyzer loads the verifier from: the artifact store, by URI, checked against the sha256. */
export interface AnalyzerVerifierSpec {
  modelVersionId: string;
  uri: string;
  sha256: string;
  /** The file artifact store's root (`<VIGIL_DATA_DIR>/artifacts`): reads outside it are refused. */
  artifactRoot: string;
  /**
   * The model's bytes (base64), for analyzers that cannot reach the worker's artifact folder (a pod on Kubernetes
   * gets its run spec in a Secret); checked against `sha256` like a store read.
   */
  inlineBase64?: string;
}

/** One annotated stream per analyzer, however many restream sinks feed it: one encode per pipeline × camera. */
export interface AnalyzerRestreamSpec {
  /** Where the media server takes RTMP from Vigil's processes (config.media.internalHost and rtmpPort). */
  server: { host: string; rtmpPort: number };
  /** Names the seed alias path echostream/<camera>*<algorithm>*: the first algorithm that feeds a restream. */
  algorithmId: string;
  maxBitrateKbps: number;
  drawLabels: boolean;
  /** Algorithm nodes whose tracked objects are drawn. */
  algorithmNodeIds: string[];
  /** Regions drawn under the boxes: those of the ROI nodes on the way to a sink that draws regions. */
  regions: Roi[];
}
