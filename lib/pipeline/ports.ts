/** What flows along an edge: frames, frames with detections, or alarm events (DESIGN.md §4.4). */
export type PortType = 'video' | 'detections' | 'events';

export interface PortSpec {
  name: string;
  type: PortType;
}

export interface NodePorts {
  inputs: PortSpec[];
  outputs: PortSpec[];
}
