import type { WorkloadHealthView } from '@/lib/pipeline/deployment';
import type { PipelineGraph } from '@/lib/pipeline/graph-schema';
import { message, type CanvasText } from './canvas-text';

export interface NodeLiveStatus {
  phase: WorkloadHealthView['phase'];
  ready: boolean;
  restarts: number;
  fps?: number;
  message?: string;
}

/**
 * The running workloads as the canvas shows them: an analyzer on its camera node, an algorithm server on every
 * node that uses that algorithm (one server is shared by all of them).
 */
export function liveStatusByNode(graph: PipelineGraph, workloads: readonly WorkloadHealthView[] | undefined): Map<string, NodeLiveStatus> {
  const byNode = new Map<string, NodeLiveStatus>();
  for (const workload of workloads ?? []) {
    const view: NodeLiveStatus = { phase: workload.phase, ready: workload.ready, restarts: workload.restarts, ...(workload.fps !== undefined ? { fps: workload.fps } : {}), ...(workload.message ? { message: workload.message } : {}) };
    if (workload.kind === 'analyzer') byNode.set(workload.serves, view);
    else for (const node of graph.nodes) if (node.type === 'algorithm' && node.data.algorithmId === workload.serves) byNode.set(node.id, view);
  }
  return byNode;
}

/** "ready · 5 fps", "crash-loop · 3 restarts". */
export function describeLive(status: NodeLiveStatus): CanvasText {
  const parts: CanvasText[] = [message(`live.phases.${status.phase}`)];
  if (status.fps !== undefined) parts.push(message('live.fps', { fps: status.fps }));
  if (status.restarts > 0) parts.push(message('live.restarts', { count: status.restarts }));
  return { parts };
}
