import type { Roi } from '../geometry/roi';
import type { NodeConfig } from './node-registry';

/**
 * What a compiled revision runs (DESIGN.md §4.4): one analyzer per camera node, each running its algorithms,
 * and for each algorithm the rules (with the regions on their path) and the sinks they feed.
 */
export interface PipelineSpec {
  version: 1;
  pipeline: { id: string; name: string; revision: number };
  /** Algorithm servers to ensure, one per algorithm version. */
  algorithms: { algorithmId: string; name: string; version: string }[];
  analyzers: AnalyzerSpec[];
  sinks: SinkSpec[];
}

export interface AnalyzerSpec {
  cameraNodeId: string;
  cameraId: string;
  cameraName: string;
  fps: number;
  width: number;
  height: number;
  algorithms: AnalyzerAlgorithmSpec[];
}

export interface AnalyzerAlgorithmSpec {
  algorithmNodeId: string;
  algorithmId: string;
  params: Record<string, unknown>;
  minScore: number;
  rules: RuleSpec[];
  /** Restream sinks drawing this algorithm's detections (and the regions of the ROI node on the way, if any). */
  restreams: { sinkNodeId: string; roiNodeId: string | null; regions: Roi[] }[];
}

export interface RuleSpec extends NodeConfig<'rule'> {
  ruleNodeId: string;
  /** The ROI node between the algorithm and this rule, if any; no ROI = the whole frame. */
  roiNodeId: string | null;
  regions: Roi[];
  anchor: NodeConfig<'roi'>['anchor'];
  /** Event sinks (callback, websocket, record) fed by this rule. */
  sinkNodeIds: string[];
}

export type SinkSpec =
  | { nodeId: string; type: 'callback'; config: NodeConfig<'callback'> }
  | { nodeId: string; type: 'websocket'; config: NodeConfig<'websocket'> }
  | { nodeId: string; type: 'record'; config: NodeConfig<'record'> }
  | { nodeId: string; type: 'restream'; config: NodeConfig<'restream'> };

/** What the compiler needs to know about the world: the cameras and algorithms a graph may refer to. */
export interface CompileCatalog {
  cameras: ReadonlyMap<string, { id: string; name: string }>;
  algorithms: ReadonlyMap<string, { id: string; name: string; version: string; labels: string[]; roiTypes: readonly string[] }>;
}
