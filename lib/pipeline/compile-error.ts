/** Every way a graph can fail to compile; the editor shows each on the node or edge it names. */
export type CompileErrorCode =
  | 'invalid_graph'
  | 'invalid_config'
  | 'cycle'
  | 'dangling_node'
  | 'missing_input'
  | 'unused_output'
  | 'sink_without_algorithm'
  | 'port_mismatch'
  | 'unknown_port'
  | 'unknown_camera'
  | 'unknown_algorithm'
  | 'unknown_label'
  | 'roi_kind_not_supported'
  | 'roi_chain'
  | 'empty_pipeline';

export interface CompileError {
  code: CompileErrorCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** The config field at fault, dotted (e.g. `regions.0.points`). */
  field?: string;
}
