import type { PipelineGraph } from '@/lib/pipeline/graph-schema';

/** One annotated stream the grid can show: a running pipeline on one of its cameras. */
export interface LiveTile {
  /** The media server path, `/live/<pipeline>_<camera>`: the key the stream status is looked up by. */
  path: string;
  pipelineId: string;
  pipelineName: string;
  cameraId: string;
  cameraName: string;
}

/** Cameras of a graph whose video reaches a restream node: the analyzer of each publishes one annotated stream. */
export function restreamCameraIds(graph: PipelineGraph): string[] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const reachesRestream = (start: string): boolean => {
    const seen = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const target of next.get(queue.shift()!) ?? []) {
        if (types.get(target) === 'restream') return true;
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return false;
  };
  const ids = graph.nodes.filter((node) => node.type === 'camera' && typeof node.data.cameraId === 'string' && reachesRestream(node.id)).map((node) => node.data.cameraId as string);
  return [...new Set(ids)];
}
